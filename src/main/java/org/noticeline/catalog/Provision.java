package org.noticeline.catalog;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;

/** A curated article, section or part of an instrument, with its heading. */
@Entity
public class Provision extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "instrument_code")
    public Instrument instrument;

    public String number;
    public String heading;
    public String aliases;

    public String ruleKey() {
        return instrument.code + ":" + number;
    }
}
