// Lists LanguageTool's rules for a language: id, category, default on/off, tags.
//   java -cp "$(newslint languagetool path)/lib/*" benchmarks/tools/ListRules.java en-US
// Used by benchmarks/curate_languagetool.py to learn each rule's category.
import org.languagetool.JLanguageTool;
import org.languagetool.Languages;
import org.languagetool.rules.Rule;

public class ListRules {
    public static void main(String[] args) throws Exception {
        JLanguageTool lt = new JLanguageTool(Languages.getLanguageForShortCode(args.length > 0 ? args[0] : "en-US"));
        for (Rule r : lt.getAllRules()) {
            System.out.println(r.getId() + "\t" + r.getCategory().getId() + "\t" + (r.isDefaultOff() ? "off" : "on") + "\t" + (r.isDefaultTempOff() ? "temp" : "") + "\t" + r.getTags());
        }
    }
}
