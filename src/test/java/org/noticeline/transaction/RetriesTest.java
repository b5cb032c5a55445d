package org.noticeline.transaction;

import org.junit.jupiter.api.Test;

import java.sql.SQLException;

import static org.assertj.core.api.Assertions.assertThat;

/** Which failures are a lost race, worth another attempt; a driver's exception without a SQL state is simply not one. */
class RetriesTest {

    @Test
    void aSerializationFailureOrADuplicateKeyAnywhereInTheCausesIsALostRace() {
        assertThat(Retries.lostRace(new IllegalStateException("wrapped", new SQLException("could not serialize", "40001")))).isTrue();
        assertThat(Retries.lostRace(new SQLException("duplicate key", "23505"))).isTrue();
    }

    @Test
    void anExceptionWithoutASqlStateIsNotALostRaceNorAFailureOfItsOwn() {
        assertThat(Retries.lostRace(new SQLException("no state"))).isFalse();
        assertThat(Retries.lostRace(new SQLException("syntax", "42601"))).isFalse();
    }
}
