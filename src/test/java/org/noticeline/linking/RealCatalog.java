package org.noticeline.linking;

import org.noticeline.catalog.model.Catalog;
import org.noticeline.corpus.CatalogReader;

import java.nio.file.Path;

/** The project's own catalog ({@code notices/catalog}; tests run from the project directory) and a linker over it. */
final class RealCatalog {

    static final Catalog CATALOG = CatalogReader.read(Path.of("notices/catalog"));
    static final Linker LINKER = Linker.from(CATALOG);

    private RealCatalog() {
    }
}
