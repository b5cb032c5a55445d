package org.noticeline.catalog;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;

import java.time.LocalDate;

/** A platform's status under an instrument from a date (VLOP under the DSA since 2023-04-25). */
@Entity
public class Designation extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "platform_id")
    public Platform platform;

    @Column(name = "instrument_code")
    public String instrumentCode;
    public String kind;
    public LocalDate since;
}
