package dev.eventbus.outcome;

import java.util.UUID;

/**
 * The return value of {@link ParcelService#ship(UUID, String)}, the payload of its success event.
 *
 * @param id the parcel id
 * @param courier the courier
 * @param status the parcel's status
 */
public record ParcelView(UUID id, String courier, String status) {

}
