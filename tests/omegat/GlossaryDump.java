// Prints what OmegaT's own glossary readers make of a file, one entry a line:
// source TAB target TAB comment (line breaks in a comment shown as " / ").
// Usage: java -cp OmegaT.jar:. GlossaryDump FILE SOURCE_LANG TARGET_LANG
import java.io.File;
import java.lang.reflect.Proxy;
import java.util.List;

import org.omegat.core.Core;
import org.omegat.core.data.IProject;
import org.omegat.core.data.ProjectProperties;
import org.omegat.gui.glossary.GlossaryEntry;
import org.omegat.gui.glossary.GlossaryReaderCSV;
import org.omegat.gui.glossary.GlossaryReaderTBX;
import org.omegat.gui.glossary.GlossaryReaderTSV;

public class GlossaryDump {
    public static void main(String[] args) throws Exception {
        File file = new File(args[0]);
        ProjectProperties props = new ProjectProperties(file.getParentFile());
        props.setSourceLanguage(args[1]);
        props.setTargetLanguage(args[2]);
        // The TBX reader asks the open project for its languages: a stand-in.
        IProject project = (IProject) Proxy.newProxyInstance(
            IProject.class.getClassLoader(), new Class<?>[] {IProject.class},
            (proxy, method, margs) ->
                method.getName().equals("getProjectProperties") ? props : null);
        Core.setProject(project);
        String name = file.getName().toLowerCase();
        List<GlossaryEntry> entries;
        if (name.endsWith(".tbx")) {
            entries = GlossaryReaderTBX.read(file, false);
        } else if (name.endsWith(".csv")) {
            entries = GlossaryReaderCSV.read(file, false);
        } else {
            entries = GlossaryReaderTSV.read(file, false);
        }
        for (GlossaryEntry e : entries) {
            String comment = e.getCommentText().replace("\n", " / ");
            System.out.println(e.getSrcText() + "\t" + e.getLocText() + "\t" + comment);
        }
    }
}
