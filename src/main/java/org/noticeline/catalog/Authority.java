package org.noticeline.catalog;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;

import java.util.List;

/** A regulator, court or legislature that issues notices. */
@Entity
public class Authority extends PanacheEntityBase {

    @Id
    public String id;
    public String name;
    public String jurisdiction;
    public String url;
    public String aliases;
    @jakarta.persistence.Column(name = "context_aliases")
    public String contextAliases;

    public static List<Authority> listOrdered() {
        return list("order by name");
    }
}
