// Checks an ontology document against the OWL 2 DL profile with the OWL API, and prints one
// line per violation: the kind of violation, a tab, and the axiom (OWL functional syntax).
// Run as a single source file (Java 11+) with the OWL API on the class path; kg/owl_profile.py
// uses the copy inside owlready2's HermiT.jar.
import java.io.File;
import org.semanticweb.owlapi.apibinding.OWLManager;
import org.semanticweb.owlapi.model.OWLOntology;
import org.semanticweb.owlapi.model.OWLOntologyManager;
import org.semanticweb.owlapi.profiles.OWL2DLProfile;
import org.semanticweb.owlapi.profiles.OWLProfileReport;
import org.semanticweb.owlapi.profiles.OWLProfileViolation;

public class OwlProfile {
    public static void main(String[] args) throws Exception {
        OWLOntologyManager manager = OWLManager.createOWLOntologyManager();
        OWLOntology ontology = manager.loadOntologyFromOntologyDocument(new File(args[0]));
        OWLProfileReport report = new OWL2DLProfile().checkOntology(ontology);
        for (OWLProfileViolation violation : report.getViolations()) {
            Object axiom = violation.getAxiom();
            String where = axiom == null ? "(the ontology header)" : axiom.toString();
            System.out.println(violation.getClass().getSimpleName() + "\t" + where.replace('\n', ' '));
        }
    }
}
