package nl.hgkm.keten.privacy;

/** The start is refused: without the secret of the person key the engine would have to carry BSNs and names. */
public class PersoonssleutelOntbreektException extends IllegalStateException {

  PersoonssleutelOntbreektException(String reden) {
    super(reden);
  }
}
