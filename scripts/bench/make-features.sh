#!/usr/bin/env bash
# Writes a synthetic contract FeatureCollection of N features (default 1000000) for the render
# and `near --along` benchmarks, shaped as docs/output-contract.md says: 24 places in Iraq and
# Syria, then movements (LineStrings along a straight line between two of them, 2 to 41
# positions) and events at them, each with an Arabic evidence sentence as extract writes it.
# MIX is `mixed` (the places, then movements and events in turn) or `movements` (movements
# only). The same N and MIX give the same file.
#   scripts/bench/make-features.sh 1000000 mixed > /tmp/features-1M.geojson      # ~1 GB
#   scripts/bench/make-features.sh 120000 movements > /tmp/movements-180M.geojson # ~180 MB
set -euo pipefail
n=${1:-1000000}
mix=${2:-mixed}
case $mix in mixed | movements) ;; *) echo "MIX is mixed or movements, not $mix" >&2; exit 2 ;; esac
awk -v n="$n" -v mix="$mix" 'BEGIN {
  srand(9);
  np = split("ain_al_asad_airbase 42.4412 33.7856 airbase Ain_al-Asad_Air_Base قاعدة_عين_الأسد " \
    "al_hasakah_city 40.74772 36.50237 city al-Hasakah الحسكة " \
    "al_hol 41.1514 36.3914 town al-Hol الهول " \
    "al_omar_oilfield 40.603157 35.082862 oilfield al-Omar_oil_field حقل_العمر " \
    "al_qaim_base 41.0945 34.3688 base al-Qaim_base قاعدة_القائم " \
    "al_shaddadi_base 40.732825 36.040253 base al-Shaddadi_base قاعدة_الشدادي " \
    "al_suwaydiyah_village 42.19 36.92 village al-Suwaydiyah قرية_السويدية " \
    "al_tanf_garrison 38.6178 33.5058 base al-Tanf_garrison قاعدة_التنف " \
    "al_waleed_crossing_ne 42.175 36.9 crossing al-Waleed_crossing معبر_الوليد " \
    "al_yarubiyah_town 42.06206 36.81138 town al-Yarubiyah اليعربية " \
    "baghdad_city 44.40088 33.34058 city Baghdad بغداد " \
    "baghdad_intl_airport 44.2346 33.2625 poi Baghdad_International_Airport مطار_بغداد_الدولي " \
    "conoco_gas_field 40.3094 35.3361 oilfield Conoco_gas_field حقل_كونيكو " \
    "deir_ez_zor_city 40.14084 35.33588 city Deir_ez-Zor دير_الزور " \
    "erbil_city 44.00943 36.19117 city Erbil أربيل " \
    "harir_airbase 44.3399 36.5337 airbase Harir_Air_Base قاعدة_حرير " \
    "imam_ali_airbase 46.0901 30.9358 airbase Imam_Ali_Air_Base قاعدة_الإمام_علي " \
    "k1_airbase 44.28363 35.51319 airbase K1_Air_Base قاعدة_كي_1 " \
    "kharab_al_jir_airfield 41.9975 36.89778 airbase Kharab_al-Jir_airfield مطار_خراب_الجير " \
    "nasiriyah_city 46.25726 31.05799 city Nasiriyah الناصرية " \
    "qasrak_base 40.511955 36.706242 base Qasrak_base قاعدة_قسرك " \
    "qayyarah_airfield_west 43.1251 35.7672 airbase Qayyarah_Airfield_West قاعدة_القيارة " \
    "rmelan_town 41.95 37.0 town Rmelan رميلان " \
    "western_iraq 41.6 32.9 region Western_Iraq غرب_العراق", f, " ") / 6;
  for (i = 0; i < np; i++) {
    id[i] = f[6*i+1]; lon[i] = f[6*i+2]; lat[i] = f[6*i+3]; kind[i] = f[6*i+4];
    en[i] = f[6*i+5]; ar[i] = f[6*i+6]; gsub("_", " ", en[i]); gsub("_", " ", ar[i]);
  }
  split("United States|Coalition|France|Iraq|", actors, "|");
  split("completed in_progress announced planned reported", statuses, " ");
  split("attack withdrawal handover redeployment", etypes, " ");
  ev = "وأشارت مصادر أهلية في المنطقة إلى أن قوات الاحتلال الأمريكية المتمركزة في القاعدة بدأت بإخلائها بشكل نهائي اليوم، حيث خرجت نحو 40 شاحنة تحمل معدات عسكرية وعربات واتجهت إلى الحدود تمهيدا للانسحاب باتجاه الأراضي العراقية.";
  print "{\"type\":\"FeatureCollection\",\"features\":[";
  for (i = 0; i < n; i++) {
    what = mix == "movements" ? 0 : i < np ? 2 : i % 2;
    doc = sprintf("%06d_synthetic.txt", int(i / 9)); fid = sprintf("%06d_synthetic-%d", int(i / 9), i % 9);
    date = sprintf("20%02d-%02d-%02d", 14 + int(rand() * 10), 1 + int(rand() * 12), 1 + int(rand() * 28));
    a = actors[1 + int(rand() * 5)]; actor = a == "" ? "null" : "\"" a "\"";
    st = statuses[1 + int(rand() * 5)];
    printf "%s", (i ? ",\n" : "");
    if (what == 0) {
      o = int(rand() * np); d = (o + 1 + int(rand() * (np - 1))) % np; k = 1 + int(rand() * 40);
      line = "";
      for (j = 0; j <= k; j++) {
        x = lon[o] + (lon[d] - lon[o]) * j / k; y = lat[o] + (lat[d] - lat[o]) * j / k;
        line = line sprintf("%s[%.6f,%.6f]", (j ? "," : ""), x, y);
      }
      printf "{\"type\":\"Feature\",\"id\":\"%s-m\",\"geometry\":{\"type\":\"LineString\",\"coordinates\":[%s]},", fid, line;
      printf "\"properties\":{\"id\":\"%s-m\",\"doc\":\"%s\",\"event_type\":\"withdrawal\",\"actor\":%s,\"actor_ar\":null,", fid, doc, actor;
      printf "\"origin\":\"%s\",\"origin_name\":\"%s\",\"destination\":\"%s\",\"destination_name\":\"%s\",", id[o], en[o], id[d], en[d];
      printf "\"origin_site_name\":null,\"destination_site_name\":null,\"origin_coarse\":false,\"destination_coarse\":false,";
      printf "\"via\":[],\"via_names\":[],\"vehicles\":%d,\"vehicles_qualifier\":null,\"personnel\":null,\"personnel_qualifier\":null,", 1 + int(rand() * 200);
      printf "\"status\":\"%s\",\"event_date\":\"%s\",\"time_precision\":1,\"date_text\":null,\"article_date\":\"%s\",\"geo_precision\":1,", st, date, date;
      printf "\"evidence\":\"%s\",\"evidence_start\":0,\"evidence_end\":%d,\"background\":false,\"source\":\"synthetic\",\"url\":null,\"title\":null,", ev, length(ev);
      printf "\"stroke\":\"#1f77b4\",\"stroke-width\":3}}";
    } else if (what == 1) {
      p = int(rand() * np); t = etypes[1 + int(rand() * 4)];
      printf "{\"type\":\"Feature\",\"id\":\"%s-e\",\"geometry\":{\"type\":\"Point\",\"coordinates\":[%s,%s]},", fid, lon[p], lat[p];
      printf "\"properties\":{\"id\":\"%s-e\",\"doc\":\"%s\",\"event_type\":\"%s\",\"place\":\"%s\",\"place_name\":\"%s\",\"site_name\":null,", fid, doc, t, id[p], en[p];
      printf "\"actor\":%s,\"actor_ar\":null,\"counterpart\":null,\"status\":\"%s\",\"event_date\":\"%s\",\"time_precision\":1,", actor, st, date;
      printf "\"date_text\":null,\"article_date\":\"%s\",\"geo_precision\":1,\"evidence\":\"%s\",\"evidence_start\":0,\"evidence_end\":%d,", date, ev, length(ev);
      printf "\"background\":false,\"source\":\"synthetic\",\"url\":null,\"title\":null,\"near\":false,\"marker-color\":\"#c8101e\"}}";
    } else {
      p = i;
      printf "{\"type\":\"Feature\",\"id\":\"%s\",\"geometry\":{\"type\":\"Point\",\"coordinates\":[%s,%s]},", id[p], lon[p], lat[p];
      printf "\"properties\":{\"id\":\"%s\",\"name_en\":\"%s\",\"name_ar\":\"%s\",\"kind\":\"%s\",\"country\":\"SY\",", id[p], en[p], ar[p], kind[p];
      printf "\"mentions\":%d,\"docs\":[\"%s\"],\"source\":\"synthetic\",\"precision_m\":1000,\"tier\":\"curated\"}}", 1 + int(rand() * 9), doc;
    }
  }
  print "\n]}";
}'
