package dev.eventbus.net;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Inheritance;
import jakarta.persistence.InheritanceType;
import jakarta.persistence.Table;

/**
 * The root of a joined hierarchy (a table per class): {@link Truck} publishes events, {@link Car}
 * does not, the root itself does not.
 */
@Entity
@Table(name = "net_vehicles")
@Inheritance(strategy = InheritanceType.JOINED)
public class Vehicle {

	@Id
	private Long id;

	private String plate;

	protected Vehicle() {
	}

	public Vehicle(Long id, String plate) {
		this.id = id;
		this.plate = plate;
	}

	public String getPlate() {
		return this.plate;
	}

	/** A published subclass. */
	@Entity(name = "Truck")
	@Table(name = "net_trucks")
	@dev.eventbus.PublishEvents("NetTruck")
	public static class Truck extends Vehicle {

		private int axles;

		protected Truck() {
		}

		public Truck(Long id, String plate, int axles) {
			super(id, plate);
			this.axles = axles;
		}

		public int getAxles() {
			return this.axles;
		}

	}

	/** A subclass that publishes nothing. */
	@Entity(name = "Car")
	@Table(name = "net_cars")
	public static class Car extends Vehicle {

		private int seats;

		protected Car() {
		}

		public Car(Long id, String plate, int seats) {
			super(id, plate);
			this.seats = seats;
		}

	}

}
