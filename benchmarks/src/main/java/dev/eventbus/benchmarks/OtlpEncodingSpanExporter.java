package dev.eventbus.benchmarks;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Collection;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

import io.opentelemetry.exporter.internal.otlp.traces.TraceRequestMarshaler;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SpanExporter;

/**
 * A span exporter that does what the OTLP exporter does with each batch except send it: encodes
 * the batch as an OTLP protobuf export request (the OTLP exporter's own marshaller) and
 * discards the bytes, counting spans (by name) and bytes. The CPU of a real exporter without the
 * network.
 */
final class OtlpEncodingSpanExporter implements SpanExporter {

	private final LongAdder spans = new LongAdder();

	private final LongAdder bytes = new LongAdder();

	private final Map<String, LongAdder> names = new ConcurrentHashMap<>();

	@Override
	public CompletableResultCode export(Collection<SpanData> batch) {
		CountingSink sink = new CountingSink();
		try {
			TraceRequestMarshaler.create(batch).writeBinaryTo(sink);
		}
		catch (IOException ex) {
			return CompletableResultCode.ofExceptionalFailure(ex);
		}
		this.spans.add(batch.size());
		this.bytes.add(sink.count);
		for (SpanData span : batch) {
			this.names.computeIfAbsent(span.getName(), (name) -> new LongAdder()).increment();
		}
		return CompletableResultCode.ofSuccess();
	}

	@Override
	public CompletableResultCode flush() {
		return CompletableResultCode.ofSuccess();
	}

	@Override
	public CompletableResultCode shutdown() {
		return CompletableResultCode.ofSuccess();
	}

	/**
	 * Spans exported so far.
	 * @return the count
	 */
	long spans() {
		return this.spans.sum();
	}

	/**
	 * Spans exported so far by name.
	 * @return the counts, sorted by name
	 */
	Map<String, Long> spansByName() {
		Map<String, Long> counts = new TreeMap<>();
		this.names.forEach((name, count) -> counts.put(name, count.sum()));
		return counts;
	}

	/**
	 * Bytes of OTLP protobuf encoded so far.
	 * @return the count
	 */
	long bytes() {
		return this.bytes.sum();
	}

	private static final class CountingSink extends OutputStream {

		private long count;

		@Override
		public void write(int b) {
			this.count++;
		}

		@Override
		public void write(byte[] b, int off, int len) {
			this.count += len;
		}

	}

}
