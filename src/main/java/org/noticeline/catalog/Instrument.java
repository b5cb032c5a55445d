package org.noticeline.catalog;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;

import java.util.ArrayList;
import java.util.List;

/** A law or rulebook notices cite (DSA, UK-OSA, USC-47), with its curated provisions. */
@Entity
public class Instrument extends PanacheEntityBase {

    @Id
    public String code;
    public String title;
    @Column(name = "official_number")
    public String officialNumber;
    public String jurisdiction;
    public String link;
    public String unit;
    public String numbering;
    public String aliases;
    @Column(name = "context_aliases")
    public String contextAliases;
    @Column(name = "generic_names")
    public String genericNames;

    @OneToMany(mappedBy = "instrument", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("id")
    public List<Provision> provisions = new ArrayList<>();

    public static List<Instrument> listOrdered() {
        return list("order by code");
    }
}
