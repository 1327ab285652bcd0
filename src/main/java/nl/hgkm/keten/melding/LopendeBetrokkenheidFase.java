package nl.hgkm.keten.melding;

/** Where Veilig Thuis stands in a running case: input {@code lopendeBetrokkenheidFase} of radar-classificatie. */
public enum LopendeBetrokkenheidFase { GEEN, VEILIGHEIDSBEOORDELING, NA_VEILIGHEIDSBEOORDELING, MONITORING }
