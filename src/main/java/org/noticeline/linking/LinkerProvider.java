package org.noticeline.linking;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.noticeline.catalog.CatalogStore;
import org.noticeline.catalog.model.Catalog;
import org.noticeline.hash.Sha256;

/** The engine for the catalog as it stands, rebuilt when the catalog changes (it is a cache: the catalog lives in the database). */
@ApplicationScoped
public class LinkerProvider {

    /** An engine, the catalog it was built from (taken together so the two always match) and that catalog's hash. */
    public record Built(Catalog catalog, Linker linker, String catalogHash) {
    }

    @Inject
    CatalogStore catalogStore;

    private volatile Built built;

    public Built current() {
        Catalog catalog = catalogStore.catalog();
        Built current = built;
        if (current == null || current.catalog() != catalog) {
            current = new Built(catalog, Linker.from(catalog), Sha256.hex(catalog.linkingFingerprint()));
            built = current;
        }
        return current;
    }

    public Linker linker() {
        return current().linker();
    }
}
