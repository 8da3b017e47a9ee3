#!/usr/bin/env bash
# Writes a synthetic curated gazetteer of N places (default 100000) for the gazetteer-load
# benchmark: GeoJSON as gazetteer/README.md describes, every place with an Arabic name of one to
# three made-up words (a quarter of them behind a common first word such as قرية or تل), an
# Arabic alias and an English name, spread over Iraq and Syria. The same N gives the same file.
#   scripts/bench/make-gazetteer.sh 1000000 > /tmp/gaz-1M.geojson
#   /usr/bin/time -f '%e s %M KB' target/release/convoy --gazetteer /tmp/gaz-1M.geojson \
#       --no-geonames places seeds/000_*.txt > /dev/null
set -euo pipefail
n=${1:-100000}
awk -v n="$n" 'BEGIN {
  srand(16);
  split("ا ب ت ث ج ح خ د ذ ر ز س ش ص ض ط ظ ع غ ف ق ك ل م ن ه و ي", ar, " ");
  split("a b t th j h kh d dh r z s sh s d t z a gh f q k l m n h w y", en, " ");
  split("قرية تل عين بئر خربة جسر", lead, " ");
  print "{\"type\":\"FeatureCollection\",\"features\":[";
  for (i = 0; i < n; i++) {
    words = 1 + int(rand() * 3); name = ""; latin = "";
    for (w = 0; w < words; w++) {
      len = 3 + int(rand() * 5);
      for (c = 0; c < len; c++) { k = 1 + int(rand() * 28); name = name ar[k]; latin = latin en[k] }
      if (w + 1 < words) { name = name " "; latin = latin " " }
    }
    if (rand() < 0.25) name = lead[1 + int(rand() * 6)] " " name;
    lon = 36 + rand() * 12; lat = 30 + rand() * 7;
    printf "%s{\"type\":\"Feature\",\"geometry\":{\"type\":\"Point\",\"coordinates\":[%.5f,%.5f]},", (i ? ",\n" : ""), lon, lat;
    printf "\"properties\":{\"id\":\"synthetic_%d\",\"name_en\":\"%s %d\",\"name_ar\":\"%s\",", i, latin, i, name;
    printf "\"aliases_ar\":[\"ال%s\"],\"aliases_en\":[],\"kind\":\"village\",\"country\":\"SY\",", name;
    printf "\"admin1\":null,\"precision_m\":2000,\"source\":\"synthetic\",\"notes\":\"\",\"homonyms\":[]}}";
  }
  print "\n]}";
}'
