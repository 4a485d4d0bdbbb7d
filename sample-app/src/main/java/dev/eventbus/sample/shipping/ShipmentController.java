package dev.eventbus.sample.shipping;

import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The REST API of shipments: {@code GET /shipments}.
 */
@RestController
class ShipmentController {

	private final ShippingListener shipping;

	ShipmentController(ShippingListener shipping) {
		this.shipping = shipping;
	}

	@GetMapping("/shipments")
	List<Shipment> list() {
		return this.shipping.shipments();
	}

}
