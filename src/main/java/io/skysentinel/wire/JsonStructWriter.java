package io.skysentinel.wire;

import tools.jackson.core.JsonGenerator;
import tools.jackson.core.ObjectWriteContext;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.core.util.ByteArrayBuilder;

/**
 * {@link StructWriter} over Jackson's streaming generator: compact UTF-8 JSON, doubles written exactly as the REST
 * API's Jackson mapper writes them. A new generator per frame keeps encoders thread-safe; the factory is shared
 * because it is thread-safe and its buffer recycling is what makes per-frame generators cheap.
 */
final class JsonStructWriter implements StructWriter {

    private static final JsonFactory FACTORY = new JsonFactory();

    private final ByteArrayBuilder out;
    private final JsonGenerator gen;

    /**
     * @param expectedBytes first-block size; the builder chains further blocks, so an underestimate only costs a block
     */
    JsonStructWriter(int expectedBytes) {
        out = new ByteArrayBuilder(expectedBytes);
        gen = FACTORY.createGenerator(ObjectWriteContext.empty(), out);
    }

    @Override
    public void beginObject(int entries) {
        gen.writeStartObject(null, entries);
    }

    @Override
    public void endObject() {
        gen.writeEndObject();
    }

    @Override
    public void beginArray(int elements) {
        gen.writeStartArray(null, elements);
    }

    @Override
    public void endArray() {
        gen.writeEndArray();
    }

    @Override
    public void key(WireName key) {
        gen.writeName(key.json());
    }

    @Override
    public void string(WireName value) {
        gen.writeString(value.json());
    }

    @Override
    public void number(long value) {
        gen.writeNumber(value);
    }

    @Override
    public void number(double value) {
        gen.writeNumber(value);
    }

    @Override
    public void coordinate(double degrees) {
        gen.writeNumber(degrees);
    }

    @Override
    public void bool(boolean value) {
        gen.writeBoolean(value);
    }

    @Override
    public void nil() {
        gen.writeNull();
    }

    @Override
    public void string(String value) {
        if (value == null) gen.writeNull();
        else gen.writeString(value);
    }

    @Override
    public byte[] toBytes() {
        gen.close(); // flushes the generator's own buffer into the builder
        return out.toByteArray();
    }

    @Override
    public void close() {
        if (!gen.isClosed()) gen.close();
    }
}
