package dev.eventbus.sample.finance;

import java.util.List;

import org.springframework.data.domain.Sort;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The REST API of invoices: {@code GET /invoices}.
 */
@RestController
class InvoiceController {

	private final InvoiceRepository invoices;

	InvoiceController(InvoiceRepository invoices) {
		this.invoices = invoices;
	}

	@GetMapping("/invoices")
	List<Invoice> list() {
		return this.invoices.findAll(Sort.by("id"));
	}

}
