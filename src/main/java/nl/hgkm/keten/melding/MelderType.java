package nl.hgkm.keten.melding;

/** Who reports (contract §5; input {@code melderType} of decision terugkoppeling-melder). */
public enum MelderType { PROFESSIONAL, BURGER, POLITIE, INFORMANT_ARTS }
