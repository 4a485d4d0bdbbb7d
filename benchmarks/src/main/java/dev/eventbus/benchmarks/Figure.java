package dev.eventbus.benchmarks;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * One measured figure: ours against a baseline, round by round, with the medians, the ratio
 * and whether the target is met.
 */
final class Figure {

	/** Whether a higher or a lower ratio is better. */
	enum Goal {

		/** The ratio must be at least the target. */
		AT_LEAST,

		/** The ratio must be at most the target. */
		AT_MOST,

		/** Reported only. */
		REPORT

	}

	final String name;

	final String unit;

	final String baselineName;

	final Goal goal;

	final double target;

	final List<Double> ours = new ArrayList<>();

	final List<Double> baseline = new ArrayList<>();

	final List<CpuMeter.Usage> oursCpu = new ArrayList<>();

	final List<CpuMeter.Usage> baselineCpu = new ArrayList<>();

	final Map<String, Object> details = new LinkedHashMap<>();

	@Nullable String note;

	/** Whether a reported figure met its condition, when it has one. */
	@Nullable Boolean condition;

	Figure(String name, String unit, String baselineName, Goal goal, double target) {
		this.name = name;
		this.unit = unit;
		this.baselineName = baselineName;
		this.goal = goal;
		this.target = target;
	}

	void addOurs(double value, CpuMeter.@Nullable Usage cpu) {
		this.ours.add(value);
		if (cpu != null) {
			this.oursCpu.add(cpu);
		}
	}

	void addBaseline(double value, CpuMeter.@Nullable Usage cpu) {
		this.baseline.add(value);
		if (cpu != null) {
			this.baselineCpu.add(cpu);
		}
	}

	void add(boolean ours, double value, CpuMeter.@Nullable Usage cpu) {
		if (ours) {
			addOurs(value, cpu);
		}
		else {
			addBaseline(value, cpu);
		}
	}

	double oursMedian() {
		return Stats.median(this.ours);
	}

	double baselineMedian() {
		return Stats.median(this.baseline);
	}

	/**
	 * The ratio ours / baseline of the medians, NaN without a baseline.
	 * @return the ratio
	 */
	double ratio() {
		if (this.baseline.isEmpty() || this.ours.isEmpty()) {
			return Double.NaN;
		}
		return oursMedian() / baselineMedian();
	}

	boolean measured() {
		return !this.ours.isEmpty() && this.ours.stream().allMatch(Double::isFinite);
	}

	@Nullable Boolean met() {
		return switch (this.goal) {
			case AT_LEAST -> ratio() >= this.target;
			case AT_MOST -> ratio() <= this.target;
			case REPORT -> this.condition;
		};
	}

	String targetText() {
		return switch (this.goal) {
			case AT_LEAST -> "ratio >= " + this.target;
			case AT_MOST -> "ratio <= " + this.target;
			case REPORT -> (this.note != null) ? this.note : "report";
		};
	}

	Map<String, Object> toMap() {
		Map<String, Object> map = new LinkedHashMap<>();
		map.put("name", this.name);
		map.put("unit", this.unit);
		map.put("ours", round(oursMedian()));
		map.put("baselineName", this.baselineName);
		map.put("baseline", this.baseline.isEmpty() ? null : round(baselineMedian()));
		map.put("ratio", Double.isNaN(ratio()) ? null : round(ratio()));
		map.put("target", targetText());
		map.put("met", met());
		map.put("oursRounds", this.ours.stream().map(Figure::round).toList());
		map.put("baselineRounds", this.baseline.stream().map(Figure::round).toList());
		CpuMeter.Usage oursUsage = CpuMeter.Usage.median(this.oursCpu);
		CpuMeter.Usage baselineUsage = CpuMeter.Usage.median(this.baselineCpu);
		if (oursUsage != null) {
			Map<String, Object> cpu = new LinkedHashMap<>();
			cpu.put("ours", oursUsage.toMap());
			if (baselineUsage != null) {
				cpu.put("baseline", baselineUsage.toMap());
			}
			map.put("cpu", cpu);
		}
		map.putAll(this.details);
		return map;
	}

	static double round(double value) {
		if (!Double.isFinite(value)) {
			return value;
		}
		double scale = (Math.abs(value) >= 100) ? 10 : 1000;
		return Math.round(value * scale) / scale;
	}

}
