// Prints each map's id (hex) and name from an H2 store file's meta map (for chunk-maps.sh): java N <file.mv.db>
import org.h2.mvstore.*;
import java.util.*;
public class N { public static void main(String[] a) {
  MVStore s = new MVStore.Builder().fileName(a[0]).readOnly().open();
  Map<String,String> meta = s.getMetaMap();
  for (Map.Entry<String,String> e : meta.entrySet()) if (e.getKey().startsWith("name.")) System.out.println(e.getValue() + " " + e.getKey().substring(5));
}}
