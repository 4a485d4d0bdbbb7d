package dev.eventbus.benchmarks;

import java.util.Map;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.stereotype.Component;

import dev.eventbus.EntityEvent;
import dev.eventbus.Listener;

/**
 * Fifty listener methods for the start-up figure: each gets its queue, dead-letter queue and
 * subscription provisioned and its container started. Present only with
 * {@code bench.startup-listeners=true}.
 */
@Component
@ConditionalOnBooleanProperty("bench.startup-listeners")
public class StartupListeners {

	/** How many listener methods this class has. */
	public static final int COUNT = 50;

	@Listener(value = Channels.STARTUP, id = "s01")
	void s01(EntityEvent<Map<String, Object>> event) {
	}

	@Listener(value = Channels.STARTUP, id = "s02")
	void s02(EntityEvent<Map<String, Object>> event) {
	}

	@Listener(value = Channels.STARTUP, id = "s03")
	void s03(EntityEvent<Map<String, Object>> event) {
	}

	@Listener(value = Channels.STARTUP, id = "s04")
	void s04(EntityEvent<Map<String, Object>> event) {
	}

	@Listener(value = Channels.STARTUP, id = "s05")
	void s05(EntityEvent<Map<String, Object>> event) {
	}

	@Listener(value = Channels.STARTUP, id = "s06")
	void s06(EntityEvent<Map<String, Object>> event) {
	}

	@Listener(value = Channels.STARTUP, id = "s07")
	void s07(EntityEvent<Map<String, Object>> event) {
	}

	@Listener(value = Channels.STARTUP, id = "s08")
	void s08(EntityEvent<Map<String, Object>> event) {
	}

	@Listener(value = Channels.STARTUP, id = "s09")
	void s09(EntityEvent<Map<String, Object>> event) {
	}

	@Listener(value = Channels.STARTUP, id = "s10")
	void s10(EntityEvent<Map<String, Object>> event) {
	}

	@Listener(value = Channels.STARTUP, id = "s11")
	void s11(EntityEvent<Map<String, Object>> event) {
	}

	@Listener(value = Channels.STARTUP, id = "s12")
	void s12(EntityEvent<Map<String, Object>> event) {
	}

	@Listener(value = Channels.STARTUP, id = "s13")
	void s13(EntityEvent<Map<String, Object>> event) {
	}

	@Listener(value = Channels.STARTUP, id = "s14")
	void s14(EntityEvent<Map<String, Object>> event) {
	}

	@Listener(value = Channels.STARTUP, id = "s15")
	void s15(EntityEvent<Map<String, Object>> event) {
	}

	@Listener(value = Channels.STARTUP, id = "s16")
	void s16(EntityEvent<Map<String, Object>> event) {
	}

	@Listener(value = Channels.STARTUP, id = "s17")
	void s17(EntityEvent<Map<String, Object>> event) {
	}

	@Listener(value = Channels.STARTUP, id = "s18")
	void s18(EntityEvent<Map<String, Object>> event) {
	}

	@Listener(value = Channels.STARTUP, id = "s19")
	void s19(EntityEvent<Map<String, Object>> event) {
	}

	@Listener(value = Channels.STARTUP, id = "s20")
	void s20(EntityEvent<Map<String, Object>> event) {
	}

	@Listener(value = Channels.STARTUP, id = "s21")
	void s21(EntityEvent<Map<String, Object>> event) {
	}

	@Listener(value = Channels.STARTUP, id = "s22")
	void s22(EntityEvent<Map<String, Object>> event) {
	}

	@Listener(value = Channels.STARTUP, id = "s23")
	void s23(EntityEvent<Map<String, Object>> event) {
	}

	@Listener(value = Channels.STARTUP, id = "s24")
	void s24(EntityEvent<Map<String, Object>> event) {
	}

	@Listener(value = Channels.STARTUP, id = "s25")
	void s25(EntityEvent<Map<String, Object>> event) {
	}

	@Listener(value = Channels.STARTUP, id = "s26")
	void s26(EntityEvent<Map<String, Object>> event) {
	}

	@Listener(value = Channels.STARTUP, id = "s27")
	void s27(EntityEvent<Map<String, Object>> event) {
	}

	@Listener(value = Channels.STARTUP, id = "s28")
	void s28(EntityEvent<Map<String, Object>> event) {
	}

	@Listener(value = Channels.STARTUP, id = "s29")
	void s29(EntityEvent<Map<String, Object>> event) {
	}

	@Listener(value = Channels.STARTUP, id = "s30")
	void s30(EntityEvent<Map<String, Object>> event) {
	}

	@Listener(value = Channels.STARTUP, id = "s31")
	void s31(EntityEvent<Map<String, Object>> event) {
	}

	@Listener(value = Channels.STARTUP, id = "s32")
	void s32(EntityEvent<Map<String, Object>> event) {
	}

	@Listener(value = Channels.STARTUP, id = "s33")
	void s33(EntityEvent<Map<String, Object>> event) {
	}

	@Listener(value = Channels.STARTUP, id = "s34")
	void s34(EntityEvent<Map<String, Object>> event) {
	}

	@Listener(value = Channels.STARTUP, id = "s35")
	void s35(EntityEvent<Map<String, Object>> event) {
	}

	@Listener(value = Channels.STARTUP, id = "s36")
	void s36(EntityEvent<Map<String, Object>> event) {
	}

	@Listener(value = Channels.STARTUP, id = "s37")
	void s37(EntityEvent<Map<String, Object>> event) {
	}

	@Listener(value = Channels.STARTUP, id = "s38")
	void s38(EntityEvent<Map<String, Object>> event) {
	}

	@Listener(value = Channels.STARTUP, id = "s39")
	void s39(EntityEvent<Map<String, Object>> event) {
	}

	@Listener(value = Channels.STARTUP, id = "s40")
	void s40(EntityEvent<Map<String, Object>> event) {
	}

	@Listener(value = Channels.STARTUP, id = "s41")
	void s41(EntityEvent<Map<String, Object>> event) {
	}

	@Listener(value = Channels.STARTUP, id = "s42")
	void s42(EntityEvent<Map<String, Object>> event) {
	}

	@Listener(value = Channels.STARTUP, id = "s43")
	void s43(EntityEvent<Map<String, Object>> event) {
	}

	@Listener(value = Channels.STARTUP, id = "s44")
	void s44(EntityEvent<Map<String, Object>> event) {
	}

	@Listener(value = Channels.STARTUP, id = "s45")
	void s45(EntityEvent<Map<String, Object>> event) {
	}

	@Listener(value = Channels.STARTUP, id = "s46")
	void s46(EntityEvent<Map<String, Object>> event) {
	}

	@Listener(value = Channels.STARTUP, id = "s47")
	void s47(EntityEvent<Map<String, Object>> event) {
	}

	@Listener(value = Channels.STARTUP, id = "s48")
	void s48(EntityEvent<Map<String, Object>> event) {
	}

	@Listener(value = Channels.STARTUP, id = "s49")
	void s49(EntityEvent<Map<String, Object>> event) {
	}

	@Listener(value = Channels.STARTUP, id = "s50")
	void s50(EntityEvent<Map<String, Object>> event) {
	}

}
