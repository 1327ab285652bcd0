package nl.hgkm.keten.zaak;

/**
 * The radar story of a Veilig Thuis case for its file (implemented by the radar, package {@code nl.hgkm.keten.radar}),
 * so that the case file does not depend on how the radar works.
 */
public interface RadarOverzicht {

  DossierWeergave.RadarWeergave verhaal(Zaak zaak);
}
