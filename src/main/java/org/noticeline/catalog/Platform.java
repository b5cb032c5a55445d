package org.noticeline.catalog;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;

import java.util.ArrayList;
import java.util.List;

/** A service notices concern, e.g. {@code x} or {@code tiktok}. */
@Entity
public class Platform extends PanacheEntityBase {

    @Id
    public String id;
    public String name;
    public String aliases;
    @Column(name = "not_names")
    public String notNames;
    @Column(name = "common_word")
    public boolean commonWord;

    @ManyToOne
    @JoinColumn(name = "provider_id")
    public Provider provider;

    @OneToMany(mappedBy = "platform", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("since, instrumentCode, kind")
    public List<Designation> designations = new ArrayList<>();

    public static List<Platform> listOrdered() {
        return list("order by name");
    }
}
