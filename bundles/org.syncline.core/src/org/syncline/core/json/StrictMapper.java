package org.syncline.core.json;

import java.io.IOException;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonFactoryBuilder;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.cfg.MutableConfigOverride;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.type.LogicalType;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.fasterxml.jackson.datatype.jsr310.deser.InstantDeserializer;

/**
 * The one Jackson configuration. Messages come from the network, so everything Jackson would otherwise
 * tolerate is refused: duplicate keys (which copy of a key wins is exactly what an attacker wants to
 * choose), trailing text, leading zeros, NaN, comments, single quotes, deep nesting, and silent coercions
 * between strings, numbers and booleans. Unknown properties are ignored so that a newer peer may add fields.
 */
final class StrictMapper {
    static final JsonMapper MAPPER = build();
    static final ObjectWriter PRETTY = MAPPER.writer(prettyPrinter());

    private StrictMapper() {
    }

    private static JsonMapper build() {
        JsonFactoryBuilder builder = new JsonFactoryBuilder();
        builder.enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION);
        // One call per feature: JsonFactoryBuilder.disable(first, others...) in 2.22 *enables* the others.
        for (JsonReadFeature lenient : new JsonReadFeature[] {JsonReadFeature.ALLOW_LEADING_ZEROS_FOR_NUMBERS,
                JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS, JsonReadFeature.ALLOW_JAVA_COMMENTS,
                JsonReadFeature.ALLOW_YAML_COMMENTS, JsonReadFeature.ALLOW_SINGLE_QUOTES,
                JsonReadFeature.ALLOW_UNQUOTED_FIELD_NAMES, JsonReadFeature.ALLOW_TRAILING_COMMA,
                JsonReadFeature.ALLOW_MISSING_VALUES}) {
            builder.disable(lenient);
        }
        JsonFactory factory = builder
                .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(Json.MAX_DEPTH).build())
                .build();
        return JsonMapper.builder(factory)
                .addModule(new JavaTimeModule())
                .addModule(new SimpleModule("syncline-strict-instant").addDeserializer(Instant.class, new IsoInstant()))
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS, DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES,
                        DeserializationFeature.USE_LONG_FOR_INTS)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                // A record component that is absent or null fails naming it; only a missing list or map
                // reads as empty, so a peer may leave out a collection that has nothing in it.
                .defaultSetterInfo(JsonSetter.Value.forValueNulls(Nulls.FAIL))
                // Overrides match the declared type exactly, so each collection type a record may declare is named.
                .withConfigOverride(List.class, StrictMapper::emptyWhenAbsent)
                .withConfigOverride(Set.class, StrictMapper::emptyWhenAbsent)
                .withConfigOverride(Collection.class, StrictMapper::emptyWhenAbsent)
                .withConfigOverride(Map.class, StrictMapper::emptyWhenAbsent)
                .withCoercionConfig(LogicalType.Textual, c -> c.setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
                .build();
    }

    private static void emptyWhenAbsent(MutableConfigOverride override) {
        override.setSetterInfo(JsonSetter.Value.construct(Nulls.AS_EMPTY, Nulls.FAIL));
    }

    /** The layout the hand-written writer had: two spaces, "key": value, empty containers as {} and []. */
    private static DefaultPrettyPrinter prettyPrinter() {
        Separators separators = Separators.createDefaultInstance()
                .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
                .withObjectEmptySeparator("")
                .withArrayEmptySeparator("");
        DefaultIndenter indenter = new DefaultIndenter("  ", "\n");
        DefaultPrettyPrinter printer = new DefaultPrettyPrinter(separators);
        printer.indentObjectsWith(indenter);
        printer.indentArraysWith(indenter);
        return printer;
    }

    /**
     * Instants only as ISO-8601 text. The stock deserializer also takes a number as epoch seconds, which a
     * peer that meant milliseconds would get silently wrong by a factor of a thousand.
     */
    private static final class IsoInstant extends StdScalarDeserializer<Instant> {
        private static final long serialVersionUID = 1L;

        IsoInstant() {
            super(Instant.class);
        }

        @Override
        public Instant deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            if (!p.hasToken(JsonToken.VALUE_STRING)) {
                return (Instant) ctxt.handleUnexpectedToken(Instant.class, p);
            }
            return InstantDeserializer.INSTANT.deserialize(p, ctxt);
        }
    }
}
