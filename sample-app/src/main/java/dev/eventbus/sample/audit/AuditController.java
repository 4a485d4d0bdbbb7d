package dev.eventbus.sample.audit;

import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The REST API of the audit log: {@code GET /audit}.
 */
@RestController
class AuditController {

	private final AuditListener audit;

	AuditController(AuditListener audit) {
		this.audit = audit;
	}

	@GetMapping("/audit")
	List<AuditEntry> list() {
		return this.audit.entries();
	}

}
