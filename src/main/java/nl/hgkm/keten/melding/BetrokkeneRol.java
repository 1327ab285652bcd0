package nl.hgkm.keten.melding;

/** The role of a person in a report (contract §5). */
public enum BetrokkeneRol { SLACHTOFFER, PLEGER, KIND, OVERIG }
