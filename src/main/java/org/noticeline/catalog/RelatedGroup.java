package org.noticeline.catalog;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.util.List;

/** A curated group of related provisions of different instruments; {@code provisions} are its rule keys, one a line. */
@Entity
@Table(name = "related_group")
public class RelatedGroup extends PanacheEntityBase {

    @Id
    public String id;
    public String name;
    public String note;
    public String provisions;
    /** Where the curator put it in the file, so that pages list groups in the order they were written. */
    public int position;

    public static List<RelatedGroup> listOrdered() {
        return list("order by position, id");
    }
}
