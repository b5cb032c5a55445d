package org.noticeline.catalog;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.JoinTable;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OrderBy;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** One case of an authority against platforms; the notices of the case hang on it. */
@Entity
public class Proceeding extends PanacheEntityBase {

    @Id
    public String id;
    public String title;

    @ManyToOne(optional = false)
    @JoinColumn(name = "authority_id")
    public Authority authority;

    @Column(name = "instrument_code")
    public String instrumentCode;
    public LocalDate opened;
    public String status;
    public String summary;

    @ManyToMany
    @JoinTable(name = "proceeding_platform",
            joinColumns = @JoinColumn(name = "proceeding_id"),
            inverseJoinColumns = @JoinColumn(name = "platform_id"))
    @OrderBy("name")
    public List<Platform> platforms = new ArrayList<>();

    public static List<Proceeding> listOrdered() {
        return list("order by opened desc, id");
    }
}
