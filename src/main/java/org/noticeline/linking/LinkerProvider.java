package org.noticeline.linking;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.noticeline.catalog.CatalogStore;
import org.noticeline.catalog.model.Catalog;

/** The engine for the catalog as it stands, rebuilt when the catalog changes (it is a cache: the catalog lives in the database). */
@ApplicationScoped
public class LinkerProvider {

    /** An engine and the catalog it was built from, taken together so the two always match. */
    public record Built(Catalog catalog, Linker linker) {
    }

    @Inject
    CatalogStore catalogStore;

    private volatile Built built;

    public Built current() {
        Catalog catalog = catalogStore.catalog();
        Built current = built;
        if (current == null || current.catalog() != catalog) {
            current = new Built(catalog, Linker.from(catalog));
            built = current;
        }
        return current;
    }

    public Linker linker() {
        return current().linker();
    }
}
