package org.noticeline.catalog;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;

/** A company that runs platforms. */
@Entity
public class Provider extends PanacheEntityBase {

    @Id
    public String id;
    public String name;
    public String aliases;
    @jakarta.persistence.Column(name = "not_names")
    public String notNames;
}
