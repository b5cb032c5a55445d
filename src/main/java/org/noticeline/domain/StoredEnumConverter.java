package org.noticeline.domain;

import jakarta.persistence.AttributeConverter;

/** Stores a {@link StoredEnum} as its id; a concrete subclass per enum, annotated {@code @Converter(autoApply = true)}. */
public abstract class StoredEnumConverter<E extends Enum<E> & StoredEnum> implements AttributeConverter<E, String> {

    private final Class<E> type;

    protected StoredEnumConverter(Class<E> type) {
        this.type = type;
    }

    @Override
    public String convertToDatabaseColumn(E value) {
        return value == null ? null : value.id();
    }

    @Override
    public E convertToEntityAttribute(String id) {
        return id == null ? null : StoredEnum.fromId(type, id)
                .orElseThrow(() -> new IllegalStateException("the database holds '" + id + "', not a " + type.getSimpleName()));
    }
}
