<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE qgis PUBLIC 'http://mrcc.com/qgis.dtd' 'SYSTEM'>
<qgis version="3.22.16-Białowieża" styleCategories="Symbology|Temporal" labelsEnabled="0">
  <renderer-v2 type="categorizedSymbol" attr="actor" forceraster="0" symbollevels="0" enableorderby="0">
    <categories>
      <category render="true" symbol="0" value="Croatia" label="Croatia"/>
      <category render="true" symbol="1" value="Germany" label="Germany"/>
      <category render="true" symbol="2" value="International coalition" label="International coalition"/>
      <category render="true" symbol="3" value="Spain" label="Spain"/>
      <category render="true" symbol="4" value="United States" label="United States"/>
      <category render="true" symbol="5" value="" label="another actor, or none stated"/>
    </categories>
    <symbols>
      <symbol type="line" name="0" alpha="1" clip_to_extent="1" force_rhr="0">
        <layer class="SimpleLine" enabled="1" locked="1" pass="0">
          <Option type="Map">
            <Option name="line_color" type="QString" value="255,255,255,230"/>
            <Option name="line_style" type="QString" value="solid"/>
            <Option name="line_width" type="QString" value="0.794"/>
            <Option name="line_width_unit" type="QString" value="MM"/>
            <Option name="joinstyle" type="QString" value="round"/>
            <Option name="customdash_unit" type="QString" value="MM"/>
            <Option name="trim_distance_end_unit" type="QString" value="MM"/>
            <Option name="capstyle" type="QString" value="round"/>
          </Option>
          <data_defined_properties>
            <Option type="Map">
              <Option name="name" type="QString" value=""/>
              <Option name="properties" type="Map">
                <Option name="outlineWidth" type="Map">
                  <Option name="active" type="bool" value="true"/>
                  <Option name="expression" type="QString" value="with_variable(&apos;w&apos;, CASE WHEN &quot;vehicles&quot; IS NULL THEN 3 ELSE 2 + 8 * clamp(0, log10(max(1, &quot;vehicles&quot;)) / 3, 1) END, (@w + 3) * 0.264583)"/>
                  <Option name="type" type="int" value="3"/>
                </Option>
              </Option>
              <Option name="type" type="QString" value="collection"/>
            </Option>
          </data_defined_properties>
        </layer>
        <layer class="SimpleLine" enabled="1" locked="0" pass="0">
          <Option type="Map">
            <Option name="line_color" type="QString" value="230,143,172,255"/>
            <Option name="line_style" type="QString" value="solid"/>
            <Option name="line_width" type="QString" value="0.794"/>
            <Option name="line_width_unit" type="QString" value="MM"/>
            <Option name="joinstyle" type="QString" value="round"/>
            <Option name="customdash_unit" type="QString" value="MM"/>
            <Option name="trim_distance_end_unit" type="QString" value="MM"/>
            <Option name="capstyle" type="QString" value="round"/>
          </Option>
          <data_defined_properties>
            <Option type="Map">
              <Option name="name" type="QString" value=""/>
              <Option name="properties" type="Map">
                <Option name="outlineWidth" type="Map">
                  <Option name="active" type="bool" value="true"/>
                  <Option name="expression" type="QString" value="with_variable(&apos;w&apos;, CASE WHEN &quot;vehicles&quot; IS NULL THEN 3 ELSE 2 + 8 * clamp(0, log10(max(1, &quot;vehicles&quot;)) / 3, 1) END, (@w) * 0.264583)"/>
                  <Option name="type" type="int" value="3"/>
                </Option>
                <Option name="trimEnd" type="Map">
                  <Option name="active" type="bool" value="true"/>
                  <Option name="expression" type="QString" value="with_variable(&apos;w&apos;, CASE WHEN &quot;vehicles&quot; IS NULL THEN 3 ELSE 2 + 8 * clamp(0, log10(max(1, &quot;vehicles&quot;)) / 3, 1) END, ((2.4 * @w + 9) * 0.7) * 0.264583)"/>
                  <Option name="type" type="int" value="3"/>
                </Option>
                <Option name="enabled" type="Map">
                  <Option name="active" type="bool" value="true"/>
                  <Option name="expression" type="QString" value="&quot;status&quot; NOT IN (&apos;planned&apos;, &apos;denied&apos;)"/>
                  <Option name="type" type="int" value="3"/>
                </Option>
              </Option>
              <Option name="type" type="QString" value="collection"/>
            </Option>
          </data_defined_properties>
        </layer>
        <layer class="SimpleLine" enabled="1" locked="0" pass="0">
          <Option type="Map">
            <Option name="line_color" type="QString" value="230,143,172,255"/>
            <Option name="line_style" type="QString" value="solid"/>
            <Option name="line_width" type="QString" value="0.794"/>
            <Option name="line_width_unit" type="QString" value="MM"/>
            <Option name="joinstyle" type="QString" value="round"/>
            <Option name="customdash_unit" type="QString" value="MM"/>
            <Option name="trim_distance_end_unit" type="QString" value="MM"/>
            <Option name="use_custom_dash" type="QString" value="1"/>
            <Option name="capstyle" type="QString" value="flat"/>
          </Option>
          <data_defined_properties>
            <Option type="Map">
              <Option name="name" type="QString" value=""/>
              <Option name="properties" type="Map">
                <Option name="outlineWidth" type="Map">
                  <Option name="active" type="bool" value="true"/>
                  <Option name="expression" type="QString" value="with_variable(&apos;w&apos;, CASE WHEN &quot;vehicles&quot; IS NULL THEN 3 ELSE 2 + 8 * clamp(0, log10(max(1, &quot;vehicles&quot;)) / 3, 1) END, (@w) * 0.264583)"/>
                  <Option name="type" type="int" value="3"/>
                </Option>
                <Option name="trimEnd" type="Map">
                  <Option name="active" type="bool" value="true"/>
                  <Option name="expression" type="QString" value="with_variable(&apos;w&apos;, CASE WHEN &quot;vehicles&quot; IS NULL THEN 3 ELSE 2 + 8 * clamp(0, log10(max(1, &quot;vehicles&quot;)) / 3, 1) END, ((2.4 * @w + 9) * 0.7) * 0.264583)"/>
                  <Option name="type" type="int" value="3"/>
                </Option>
                <Option name="enabled" type="Map">
                  <Option name="active" type="bool" value="true"/>
                  <Option name="expression" type="QString" value="&quot;status&quot; IN (&apos;planned&apos;, &apos;denied&apos;)"/>
                  <Option name="type" type="int" value="3"/>
                </Option>
                <Option name="customDash" type="Map">
                  <Option name="active" type="bool" value="true"/>
                  <Option name="expression" type="QString" value="with_variable(&apos;w&apos;, CASE WHEN &quot;vehicles&quot; IS NULL THEN 3 ELSE 2 + 8 * clamp(0, log10(max(1, &quot;vehicles&quot;)) / 3, 1) END, (CASE WHEN &quot;status&quot; = &apos;denied&apos; THEN concat(0.9 * @w + 1, &apos;;&apos;, 1.3 * @w + 3) ELSE concat(2.2 * @w + 4, &apos;;&apos;, 1.4 * @w + 3) END) * 0.264583)"/>
                  <Option name="type" type="int" value="3"/>
                </Option>
              </Option>
              <Option name="type" type="QString" value="collection"/>
            </Option>
          </data_defined_properties>
        </layer>
        <layer class="MarkerLine" enabled="1" locked="0" pass="0">
          <Option type="Map">
            <Option name="placement" type="QString" value="lastvertex"/>
            <Option name="rotate" type="QString" value="1"/>
            <Option name="interval" type="QString" value="3"/>
            <Option name="offset" type="QString" value="0"/>
          </Option>
          <data_defined_properties>
            <Option type="Map">
              <Option name="name" type="QString" value=""/>
              <Option name="properties" type="Map">
              </Option>
              <Option name="type" type="QString" value="collection"/>
            </Option>
          </data_defined_properties>
          <symbol type="marker" name="@0@3" alpha="1" clip_to_extent="1" force_rhr="0">
            <layer class="SimpleMarker" enabled="1" locked="0" pass="0">
              <Option type="Map">
                <Option name="name" type="QString" value="triangle"/>
                <Option name="angle" type="QString" value="90"/>
                <Option name="color" type="QString" value="230,143,172,255"/>
                <Option name="outline_color" type="QString" value="230,143,172,255"/>
                <Option name="outline_style" type="QString" value="solid"/>
                <Option name="outline_width" type="QString" value="0.265"/>
                <Option name="outline_width_unit" type="QString" value="MM"/>
                <Option name="joinstyle" type="QString" value="round"/>
                <Option name="size_unit" type="QString" value="MM"/>
                <Option name="vertical_anchor_point" type="QString" value="0"/>
                <Option name="horizontal_anchor_point" type="QString" value="1"/>
              </Option>
              <data_defined_properties>
                <Option type="Map">
                  <Option name="name" type="QString" value=""/>
                  <Option name="properties" type="Map">
                    <Option name="size" type="Map">
                      <Option name="active" type="bool" value="true"/>
                      <Option name="expression" type="QString" value="with_variable(&apos;w&apos;, CASE WHEN &quot;vehicles&quot; IS NULL THEN 3 ELSE 2 + 8 * clamp(0, log10(max(1, &quot;vehicles&quot;)) / 3, 1) END, (2 * (1.25 * @w + 4.5)) * 0.264583)"/>
                      <Option name="type" type="int" value="3"/>
                    </Option>
                    <Option name="fillColor" type="Map">
                      <Option name="active" type="bool" value="true"/>
                      <Option name="expression" type="QString" value="if(&quot;destination_coarse&quot;, &apos;#ffffff&apos;, &apos;#e68fac&apos;)"/>
                      <Option name="type" type="int" value="3"/>
                    </Option>
                    <Option name="outlineWidth" type="Map">
                      <Option name="active" type="bool" value="true"/>
                      <Option name="expression" type="QString" value="with_variable(&apos;w&apos;, CASE WHEN &quot;vehicles&quot; IS NULL THEN 3 ELSE 2 + 8 * clamp(0, log10(max(1, &quot;vehicles&quot;)) / 3, 1) END, (if(&quot;destination_coarse&quot;, max(0.45 * @w, 2), 1)) * 0.264583)"/>
                      <Option name="type" type="int" value="3"/>
                    </Option>
                  </Option>
                  <Option name="type" type="QString" value="collection"/>
                </Option>
              </data_defined_properties>
            </layer>
          </symbol>
        </layer>
      </symbol>
      <symbol type="line" name="1" alpha="1" clip_to_extent="1" force_rhr="0">
        <layer class="SimpleLine" enabled="1" locked="1" pass="0">
          <Option type="Map">
            <Option name="line_color" type="QString" value="255,255,255,230"/>
            <Option name="line_style" type="QString" value="solid"/>
            <Option name="line_width" type="QString" value="0.794"/>
            <Option name="line_width_unit" type="QString" value="MM"/>
            <Option name="joinstyle" type="QString" value="round"/>
            <Option name="customdash_unit" type="QString" value="MM"/>
            <Option name="trim_distance_end_unit" type="QString" value="MM"/>
            <Option name="capstyle" type="QString" value="round"/>
          </Option>
          <data_defined_properties>
            <Option type="Map">
              <Option name="name" type="QString" value=""/>
              <Option name="properties" type="Map">
                <Option name="outlineWidth" type="Map">
                  <Option name="active" type="bool" value="true"/>
                  <Option name="expression" type="QString" value="with_variable(&apos;w&apos;, CASE WHEN &quot;vehicles&quot; IS NULL THEN 3 ELSE 2 + 8 * clamp(0, log10(max(1, &quot;vehicles&quot;)) / 3, 1) END, (@w + 3) * 0.264583)"/>
                  <Option name="type" type="int" value="3"/>
                </Option>
              </Option>
              <Option name="type" type="QString" value="collection"/>
            </Option>
          </data_defined_properties>
        </layer>
        <layer class="SimpleLine" enabled="1" locked="0" pass="0">
          <Option type="Map">
            <Option name="line_color" type="QString" value="148,111,56,255"/>
            <Option name="line_style" type="QString" value="solid"/>
            <Option name="line_width" type="QString" value="0.794"/>
            <Option name="line_width_unit" type="QString" value="MM"/>
            <Option name="joinstyle" type="QString" value="round"/>
            <Option name="customdash_unit" type="QString" value="MM"/>
            <Option name="trim_distance_end_unit" type="QString" value="MM"/>
            <Option name="capstyle" type="QString" value="round"/>
          </Option>
          <data_defined_properties>
            <Option type="Map">
              <Option name="name" type="QString" value=""/>
              <Option name="properties" type="Map">
                <Option name="outlineWidth" type="Map">
                  <Option name="active" type="bool" value="true"/>
                  <Option name="expression" type="QString" value="with_variable(&apos;w&apos;, CASE WHEN &quot;vehicles&quot; IS NULL THEN 3 ELSE 2 + 8 * clamp(0, log10(max(1, &quot;vehicles&quot;)) / 3, 1) END, (@w) * 0.264583)"/>
                  <Option name="type" type="int" value="3"/>
                </Option>
                <Option name="trimEnd" type="Map">
                  <Option name="active" type="bool" value="true"/>
                  <Option name="expression" type="QString" value="with_variable(&apos;w&apos;, CASE WHEN &quot;vehicles&quot; IS NULL THEN 3 ELSE 2 + 8 * clamp(0, log10(max(1, &quot;vehicles&quot;)) / 3, 1) END, ((2.4 * @w + 9) * 0.7) * 0.264583)"/>
                  <Option name="type" type="int" value="3"/>
                </Option>
                <Option name="enabled" type="Map">
                  <Option name="active" type="bool" value="true"/>
                  <Option name="expression" type="QString" value="&quot;status&quot; NOT IN (&apos;planned&apos;, &apos;denied&apos;)"/>
                  <Option name="type" type="int" value="3"/>
                </Option>
              </Option>
              <Option name="type" type="QString" value="collection"/>
            </Option>
          </data_defined_properties>
        </layer>
        <layer class="SimpleLine" enabled="1" locked="0" pass="0">
          <Option type="Map">
            <Option name="line_color" type="QString" value="148,111,56,255"/>
            <Option name="line_style" type="QString" value="solid"/>
            <Option name="line_width" type="QString" value="0.794"/>
            <Option name="line_width_unit" type="QString" value="MM"/>
            <Option name="joinstyle" type="QString" value="round"/>
            <Option name="customdash_unit" type="QString" value="MM"/>
            <Option name="trim_distance_end_unit" type="QString" value="MM"/>
            <Option name="use_custom_dash" type="QString" value="1"/>
            <Option name="capstyle" type="QString" value="flat"/>
          </Option>
          <data_defined_properties>
            <Option type="Map">
              <Option name="name" type="QString" value=""/>
              <Option name="properties" type="Map">
                <Option name="outlineWidth" type="Map">
                  <Option name="active" type="bool" value="true"/>
                  <Option name="expression" type="QString" value="with_variable(&apos;w&apos;, CASE WHEN &quot;vehicles&quot; IS NULL THEN 3 ELSE 2 + 8 * clamp(0, log10(max(1, &quot;vehicles&quot;)) / 3, 1) END, (@w) * 0.264583)"/>
                  <Option name="type" type="int" value="3"/>
                </Option>
                <Option name="trimEnd" type="Map">
                  <Option name="active" type="bool" value="true"/>
                  <Option name="expression" type="QString" value="with_variable(&apos;w&apos;, CASE WHEN &quot;vehicles&quot; IS NULL THEN 3 ELSE 2 + 8 * clamp(0, log10(max(1, &quot;vehicles&quot;)) / 3, 1) END, ((2.4 * @w + 9) * 0.7) * 0.264583)"/>
                  <Option name="type" type="int" value="3"/>
                </Option>
                <Option name="enabled" type="Map">
                  <Option name="active" type="bool" value="true"/>
                  <Option name="expression" type="QString" value="&quot;status&quot; IN (&apos;planned&apos;, &apos;denied&apos;)"/>
                  <Option name="type" type="int" value="3"/>
                </Option>
                <Option name="customDash" type="Map">
                  <Option name="active" type="bool" value="true"/>
                  <Option name="expression" type="QString" value="with_variable(&apos;w&apos;, CASE WHEN &quot;vehicles&quot; IS NULL THEN 3 ELSE 2 + 8 * clamp(0, log10(max(1, &quot;vehicles&quot;)) / 3, 1) END, (CASE WHEN &quot;status&quot; = &apos;denied&apos; THEN concat(0.9 * @w + 1, &apos;;&apos;, 1.3 * @w + 3) ELSE concat(2.2 * @w + 4, &apos;;&apos;, 1.4 * @w + 3) END) * 0.264583)"/>
                  <Option name="type" type="int" value="3"/>
                </Option>
              </Option>
              <Option name="type" type="QString" value="collection"/>
            </Option>
          </data_defined_properties>
        </layer>
        <layer class="MarkerLine" enabled="1" locked="0" pass="0">
          <Option type="Map">
            <Option name="placement" type="QString" value="lastvertex"/>
            <Option name="rotate" type="QString" value="1"/>
            <Option name="interval" type="QString" value="3"/>
            <Option name="offset" type="QString" value="0"/>
          </Option>
          <data_defined_properties>
            <Option type="Map">
              <Option name="name" type="QString" value=""/>
              <Option name="properties" type="Map">
              </Option>
              <Option name="type" type="QString" value="collection"/>
            </Option>
          </data_defined_properties>
          <symbol type="marker" name="@1@3" alpha="1" clip_to_extent="1" force_rhr="0">
            <layer class="SimpleMarker" enabled="1" locked="0" pass="0">
              <Option type="Map">
                <Option name="name" type="QString" value="triangle"/>
                <Option name="angle" type="QString" value="90"/>
                <Option name="color" type="QString" value="148,111,56,255"/>
                <Option name="outline_color" type="QString" value="148,111,56,255"/>
                <Option name="outline_style" type="QString" value="solid"/>
                <Option name="outline_width" type="QString" value="0.265"/>
                <Option name="outline_width_unit" type="QString" value="MM"/>
                <Option name="joinstyle" type="QString" value="round"/>
                <Option name="size_unit" type="QString" value="MM"/>
                <Option name="vertical_anchor_point" type="QString" value="0"/>
                <Option name="horizontal_anchor_point" type="QString" value="1"/>
              </Option>
              <data_defined_properties>
                <Option type="Map">
                  <Option name="name" type="QString" value=""/>
                  <Option name="properties" type="Map">
                    <Option name="size" type="Map">
                      <Option name="active" type="bool" value="true"/>
                      <Option name="expression" type="QString" value="with_variable(&apos;w&apos;, CASE WHEN &quot;vehicles&quot; IS NULL THEN 3 ELSE 2 + 8 * clamp(0, log10(max(1, &quot;vehicles&quot;)) / 3, 1) END, (2 * (1.25 * @w + 4.5)) * 0.264583)"/>
                      <Option name="type" type="int" value="3"/>
                    </Option>
                    <Option name="fillColor" type="Map">
                      <Option name="active" type="bool" value="true"/>
                      <Option name="expression" type="QString" value="if(&quot;destination_coarse&quot;, &apos;#ffffff&apos;, &apos;#946f38&apos;)"/>
                      <Option name="type" type="int" value="3"/>
                    </Option>
                    <Option name="outlineWidth" type="Map">
                      <Option name="active" type="bool" value="true"/>
                      <Option name="expression" type="QString" value="with_variable(&apos;w&apos;, CASE WHEN &quot;vehicles&quot; IS NULL THEN 3 ELSE 2 + 8 * clamp(0, log10(max(1, &quot;vehicles&quot;)) / 3, 1) END, (if(&quot;destination_coarse&quot;, max(0.45 * @w, 2), 1)) * 0.264583)"/>
                      <Option name="type" type="int" value="3"/>
                    </Option>
                  </Option>
                  <Option name="type" type="QString" value="collection"/>
                </Option>
              </data_defined_properties>
            </layer>
          </symbol>
        </layer>
      </symbol>
      <symbol type="line" name="2" alpha="1" clip_to_extent="1" force_rhr="0">
        <layer class="SimpleLine" enabled="1" locked="1" pass="0">
          <Option type="Map">
            <Option name="line_color" type="QString" value="255,255,255,230"/>
            <Option name="line_style" type="QString" value="solid"/>
            <Option name="line_width" type="QString" value="0.794"/>
            <Option name="line_width_unit" type="QString" value="MM"/>
            <Option name="joinstyle" type="QString" value="round"/>
            <Option name="customdash_unit" type="QString" value="MM"/>
            <Option name="trim_distance_end_unit" type="QString" value="MM"/>
            <Option name="capstyle" type="QString" value="round"/>
          </Option>
          <data_defined_properties>
            <Option type="Map">
              <Option name="name" type="QString" value=""/>
              <Option name="properties" type="Map">
                <Option name="outlineWidth" type="Map">
                  <Option name="active" type="bool" value="true"/>
                  <Option name="expression" type="QString" value="with_variable(&apos;w&apos;, CASE WHEN &quot;vehicles&quot; IS NULL THEN 3 ELSE 2 + 8 * clamp(0, log10(max(1, &quot;vehicles&quot;)) / 3, 1) END, (@w + 3) * 0.264583)"/>
                  <Option name="type" type="int" value="3"/>
                </Option>
              </Option>
              <Option name="type" type="QString" value="collection"/>
            </Option>
          </data_defined_properties>
        </layer>
        <layer class="SimpleLine" enabled="1" locked="0" pass="0">
          <Option type="Map">
            <Option name="line_color" type="QString" value="96,78,151,255"/>
            <Option name="line_style" type="QString" value="solid"/>
            <Option name="line_width" type="QString" value="0.794"/>
            <Option name="line_width_unit" type="QString" value="MM"/>
            <Option name="joinstyle" type="QString" value="round"/>
            <Option name="customdash_unit" type="QString" value="MM"/>
            <Option name="trim_distance_end_unit" type="QString" value="MM"/>
            <Option name="capstyle" type="QString" value="round"/>
          </Option>
          <data_defined_properties>
            <Option type="Map">
              <Option name="name" type="QString" value=""/>
              <Option name="properties" type="Map">
                <Option name="outlineWidth" type="Map">
                  <Option name="active" type="bool" value="true"/>
                  <Option name="expression" type="QString" value="with_variable(&apos;w&apos;, CASE WHEN &quot;vehicles&quot; IS NULL THEN 3 ELSE 2 + 8 * clamp(0, log10(max(1, &quot;vehicles&quot;)) / 3, 1) END, (@w) * 0.264583)"/>
                  <Option name="type" type="int" value="3"/>
                </Option>
                <Option name="trimEnd" type="Map">
                  <Option name="active" type="bool" value="true"/>
                  <Option name="expression" type="QString" value="with_variable(&apos;w&apos;, CASE WHEN &quot;vehicles&quot; IS NULL THEN 3 ELSE 2 + 8 * clamp(0, log10(max(1, &quot;vehicles&quot;)) / 3, 1) END, ((2.4 * @w + 9) * 0.7) * 0.264583)"/>
                  <Option name="type" type="int" value="3"/>
                </Option>
                <Option name="enabled" type="Map">
                  <Option name="active" type="bool" value="true"/>
                  <Option name="expression" type="QString" value="&quot;status&quot; NOT IN (&apos;planned&apos;, &apos;denied&apos;)"/>
                  <Option name="type" type="int" value="3"/>
                </Option>
              </Option>
              <Option name="type" type="QString" value="collection"/>
            </Option>
          </data_defined_properties>
        </layer>
        <layer class="SimpleLine" enabled="1" locked="0" pass="0">
          <Option type="Map">
            <Option name="line_color" type="QString" value="96,78,151,255"/>
            <Option name="line_style" type="QString" value="solid"/>
            <Option name="line_width" type="QString" value="0.794"/>
            <Option name="line_width_unit" type="QString" value="MM"/>
            <Option name="joinstyle" type="QString" value="round"/>
            <Option name="customdash_unit" type="QString" value="MM"/>
            <Option name="trim_distance_end_unit" type="QString" value="MM"/>
            <Option name="use_custom_dash" type="QString" value="1"/>
            <Option name="capstyle" type="QString" value="flat"/>
          </Option>
          <data_defined_properties>
            <Option type="Map">
              <Option name="name" type="QString" value=""/>
              <Option name="properties" type="Map">
                <Option name="outlineWidth" type="Map">
                  <Option name="active" type="bool" value="true"/>
                  <Option name="expression" type="QString" value="with_variable(&apos;w&apos;, CASE WHEN &quot;vehicles&quot; IS NULL THEN 3 ELSE 2 + 8 * clamp(0, log10(max(1, &quot;vehicles&quot;)) / 3, 1) END, (@w) * 0.264583)"/>
                  <Option name="type" type="int" value="3"/>
                </Option>
                <Option name="trimEnd" type="Map">
                  <Option name="active" type="bool" value="true"/>
                  <Option name="expression" type="QString" value="with_variable(&apos;w&apos;, CASE WHEN &quot;vehicles&quot; IS NULL THEN 3 ELSE 2 + 8 * clamp(0, log10(max(1, &quot;vehicles&quot;)) / 3, 1) END, ((2.4 * @w + 9) * 0.7) * 0.264583)"/>
                  <Option name="type" type="int" value="3"/>
                </Option>
                <Option name="enabled" type="Map">
                  <Option name="active" type="bool" value="true"/>
                  <Option name="expression" type="QString" value="&quot;status&quot; IN (&apos;planned&apos;, &apos;denied&apos;)"/>
                  <Option name="type" type="int" value="3"/>
                </Option>
                <Option name="customDash" type="Map">
                  <Option name="active" type="bool" value="true"/>
                  <Option name="expression" type="QString" value="with_variable(&apos;w&apos;, CASE WHEN &quot;vehicles&quot; IS NULL THEN 3 ELSE 2 + 8 * clamp(0, log10(max(1, &quot;vehicles&quot;)) / 3, 1) END, (CASE WHEN &quot;status&quot; = &apos;denied&apos; THEN concat(0.9 * @w + 1, &apos;;&apos;, 1.3 * @w + 3) ELSE concat(2.2 * @w + 4, &apos;;&apos;, 1.4 * @w + 3) END) * 0.264583)"/>
                  <Option name="type" type="int" value="3"/>
                </Option>
              </Option>
              <Option name="type" type="QString" value="collection"/>
            </Option>
          </data_defined_properties>
        </layer>
        <layer class="MarkerLine" enabled="1" locked="0" pass="0">
          <Option type="Map">
            <Option name="placement" type="QString" value="lastvertex"/>
            <Option name="rotate" type="QString" value="1"/>
            <Option name="interval" type="QString" value="3"/>
            <Option name="offset" type="QString" value="0"/>
          </Option>
          <data_defined_properties>
            <Option type="Map">
              <Option name="name" type="QString" value=""/>
              <Option name="properties" type="Map">
              </Option>
              <Option name="type" type="QString" value="collection"/>
            </Option>
          </data_defined_properties>
          <symbol type="marker" name="@2@3" alpha="1" clip_to_extent="1" force_rhr="0">
            <layer class="SimpleMarker" enabled="1" locked="0" pass="0">
              <Option type="Map">
                <Option name="name" type="QString" value="triangle"/>
                <Option name="angle" type="QString" value="90"/>
                <Option name="color" type="QString" value="96,78,151,255"/>
                <Option name="outline_color" type="QString" value="96,78,151,255"/>
                <Option name="outline_style" type="QString" value="solid"/>
                <Option name="outline_width" type="QString" value="0.265"/>
                <Option name="outline_width_unit" type="QString" value="MM"/>
                <Option name="joinstyle" type="QString" value="round"/>
                <Option name="size_unit" type="QString" value="MM"/>
                <Option name="vertical_anchor_point" type="QString" value="0"/>
                <Option name="horizontal_anchor_point" type="QString" value="1"/>
              </Option>
              <data_defined_properties>
                <Option type="Map">
                  <Option name="name" type="QString" value=""/>
                  <Option name="properties" type="Map">
                    <Option name="size" type="Map">
                      <Option name="active" type="bool" value="true"/>
                      <Option name="expression" type="QString" value="with_variable(&apos;w&apos;, CASE WHEN &quot;vehicles&quot; IS NULL THEN 3 ELSE 2 + 8 * clamp(0, log10(max(1, &quot;vehicles&quot;)) / 3, 1) END, (2 * (1.25 * @w + 4.5)) * 0.264583)"/>
                      <Option name="type" type="int" value="3"/>
                    </Option>
                    <Option name="fillColor" type="Map">
                      <Option name="active" type="bool" value="true"/>
                      <Option name="expression" type="QString" value="if(&quot;destination_coarse&quot;, &apos;#ffffff&apos;, &apos;#604e97&apos;)"/>
                      <Option name="type" type="int" value="3"/>
                    </Option>
                    <Option name="outlineWidth" type="Map">
                      <Option name="active" type="bool" value="true"/>
                      <Option name="expression" type="QString" value="with_variable(&apos;w&apos;, CASE WHEN &quot;vehicles&quot; IS NULL THEN 3 ELSE 2 + 8 * clamp(0, log10(max(1, &quot;vehicles&quot;)) / 3, 1) END, (if(&quot;destination_coarse&quot;, max(0.45 * @w, 2), 1)) * 0.264583)"/>
                      <Option name="type" type="int" value="3"/>
                    </Option>
                  </Option>
                  <Option name="type" type="QString" value="collection"/>
                </Option>
              </data_defined_properties>
            </layer>
          </symbol>
        </layer>
      </symbol>
      <symbol type="line" name="3" alpha="1" clip_to_extent="1" force_rhr="0">
        <layer class="SimpleLine" enabled="1" locked="1" pass="0">
          <Option type="Map">
            <Option name="line_color" type="QString" value="255,255,255,230"/>
            <Option name="line_style" type="QString" value="solid"/>
            <Option name="line_width" type="QString" value="0.794"/>
            <Option name="line_width_unit" type="QString" value="MM"/>
            <Option name="joinstyle" type="QString" value="round"/>
            <Option name="customdash_unit" type="QString" value="MM"/>
            <Option name="trim_distance_end_unit" type="QString" value="MM"/>
            <Option name="capstyle" type="QString" value="round"/>
          </Option>
          <data_defined_properties>
            <Option type="Map">
              <Option name="name" type="QString" value=""/>
              <Option name="properties" type="Map">
                <Option name="outlineWidth" type="Map">
                  <Option name="active" type="bool" value="true"/>
                  <Option name="expression" type="QString" value="with_variable(&apos;w&apos;, CASE WHEN &quot;vehicles&quot; IS NULL THEN 3 ELSE 2 + 8 * clamp(0, log10(max(1, &quot;vehicles&quot;)) / 3, 1) END, (@w + 3) * 0.264583)"/>
                  <Option name="type" type="int" value="3"/>
                </Option>
              </Option>
              <Option name="type" type="QString" value="collection"/>
            </Option>
          </data_defined_properties>
        </layer>
        <layer class="SimpleLine" enabled="1" locked="0" pass="0">
          <Option type="Map">
            <Option name="line_color" type="QString" value="243,132,0,255"/>
            <Option name="line_style" type="QString" value="solid"/>
            <Option name="line_width" type="QString" value="0.794"/>
            <Option name="line_width_unit" type="QString" value="MM"/>
            <Option name="joinstyle" type="QString" value="round"/>
            <Option name="customdash_unit" type="QString" value="MM"/>
            <Option name="trim_distance_end_unit" type="QString" value="MM"/>
            <Option name="capstyle" type="QString" value="round"/>
          </Option>
          <data_defined_properties>
            <Option type="Map">
              <Option name="name" type="QString" value=""/>
              <Option name="properties" type="Map">
                <Option name="outlineWidth" type="Map">
                  <Option name="active" type="bool" value="true"/>
                  <Option name="expression" type="QString" value="with_variable(&apos;w&apos;, CASE WHEN &quot;vehicles&quot; IS NULL THEN 3 ELSE 2 + 8 * clamp(0, log10(max(1, &quot;vehicles&quot;)) / 3, 1) END, (@w) * 0.264583)"/>
                  <Option name="type" type="int" value="3"/>
                </Option>
                <Option name="trimEnd" type="Map">
                  <Option name="active" type="bool" value="true"/>
                  <Option name="expression" type="QString" value="with_variable(&apos;w&apos;, CASE WHEN &quot;vehicles&quot; IS NULL THEN 3 ELSE 2 + 8 * clamp(0, log10(max(1, &quot;vehicles&quot;)) / 3, 1) END, ((2.4 * @w + 9) * 0.7) * 0.264583)"/>
                  <Option name="type" type="int" value="3"/>
                </Option>
                <Option name="enabled" type="Map">
                  <Option name="active" type="bool" value="true"/>
                  <Option name="expression" type="QString" value="&quot;status&quot; NOT IN (&apos;planned&apos;, &apos;denied&apos;)"/>
                  <Option name="type" type="int" value="3"/>
                </Option>
              </Option>
              <Option name="type" type="QString" value="collection"/>
            </Option>
          </data_defined_properties>
        </layer>
        <layer class="SimpleLine" enabled="1" locked="0" pass="0">
          <Option type="Map">
            <Option name="line_color" type="QString" value="243,132,0,255"/>
            <Option name="line_style" type="QString" value="solid"/>
            <Option name="line_width" type="QString" value="0.794"/>
            <Option name="line_width_unit" type="QString" value="MM"/>
            <Option name="joinstyle" type="QString" value="round"/>
            <Option name="customdash_unit" type="QString" value="MM"/>
            <Option name="trim_distance_end_unit" type="QString" value="MM"/>
            <Option name="use_custom_dash" type="QString" value="1"/>
            <Option name="capstyle" type="QString" value="flat"/>
          </Option>
          <data_defined_properties>
            <Option type="Map">
              <Option name="name" type="QString" value=""/>
              <Option name="properties" type="Map">
                <Option name="outlineWidth" type="Map">
                  <Option name="active" type="bool" value="true"/>
                  <Option name="expression" type="QString" value="with_variable(&apos;w&apos;, CASE WHEN &quot;vehicles&quot; IS NULL THEN 3 ELSE 2 + 8 * clamp(0, log10(max(1, &quot;vehicles&quot;)) / 3, 1) END, (@w) * 0.264583)"/>
                  <Option name="type" type="int" value="3"/>
                </Option>
                <Option name="trimEnd" type="Map">
                  <Option name="active" type="bool" value="true"/>
                  <Option name="expression" type="QString" value="with_variable(&apos;w&apos;, CASE WHEN &quot;vehicles&quot; IS NULL THEN 3 ELSE 2 + 8 * clamp(0, log10(max(1, &quot;vehicles&quot;)) / 3, 1) END, ((2.4 * @w + 9) * 0.7) * 0.264583)"/>
                  <Option name="type" type="int" value="3"/>
                </Option>
                <Option name="enabled" type="Map">
                  <Option name="active" type="bool" value="true"/>
                  <Option name="expression" type="QString" value="&quot;status&quot; IN (&apos;planned&apos;, &apos;denied&apos;)"/>
                  <Option name="type" type="int" value="3"/>
                </Option>
                <Option name="customDash" type="Map">
                  <Option name="active" type="bool" value="true"/>
                  <Option name="expression" type="QString" value="with_variable(&apos;w&apos;, CASE WHEN &quot;vehicles&quot; IS NULL THEN 3 ELSE 2 + 8 * clamp(0, log10(max(1, &quot;vehicles&quot;)) / 3, 1) END, (CASE WHEN &quot;status&quot; = &apos;denied&apos; THEN concat(0.9 * @w + 1, &apos;;&apos;, 1.3 * @w + 3) ELSE concat(2.2 * @w + 4, &apos;;&apos;, 1.4 * @w + 3) END) * 0.264583)"/>
                  <Option name="type" type="int" value="3"/>
                </Option>
              </Option>
              <Option name="type" type="QString" value="collection"/>
            </Option>
          </data_defined_properties>
        </layer>
        <layer class="MarkerLine" enabled="1" locked="0" pass="0">
          <Option type="Map">
            <Option name="placement" type="QString" value="lastvertex"/>
            <Option name="rotate" type="QString" value="1"/>
            <Option name="interval" type="QString" value="3"/>
            <Option name="offset" type="QString" value="0"/>
          </Option>
          <data_defined_properties>
            <Option type="Map">
              <Option name="name" type="QString" value=""/>
              <Option name="properties" type="Map">
              </Option>
              <Option name="type" type="QString" value="collection"/>
            </Option>
          </data_defined_properties>
          <symbol type="marker" name="@3@3" alpha="1" clip_to_extent="1" force_rhr="0">
            <layer class="SimpleMarker" enabled="1" locked="0" pass="0">
              <Option type="Map">
                <Option name="name" type="QString" value="triangle"/>
                <Option name="angle" type="QString" value="90"/>
                <Option name="color" type="QString" value="243,132,0,255"/>
                <Option name="outline_color" type="QString" value="243,132,0,255"/>
                <Option name="outline_style" type="QString" value="solid"/>
                <Option name="outline_width" type="QString" value="0.265"/>
                <Option name="outline_width_unit" type="QString" value="MM"/>
                <Option name="joinstyle" type="QString" value="round"/>
                <Option name="size_unit" type="QString" value="MM"/>
                <Option name="vertical_anchor_point" type="QString" value="0"/>
                <Option name="horizontal_anchor_point" type="QString" value="1"/>
              </Option>
              <data_defined_properties>
                <Option type="Map">
                  <Option name="name" type="QString" value=""/>
                  <Option name="properties" type="Map">
                    <Option name="size" type="Map">
                      <Option name="active" type="bool" value="true"/>
                      <Option name="expression" type="QString" value="with_variable(&apos;w&apos;, CASE WHEN &quot;vehicles&quot; IS NULL THEN 3 ELSE 2 + 8 * clamp(0, log10(max(1, &quot;vehicles&quot;)) / 3, 1) END, (2 * (1.25 * @w + 4.5)) * 0.264583)"/>
                      <Option name="type" type="int" value="3"/>
                    </Option>
                    <Option name="fillColor" type="Map">
                      <Option name="active" type="bool" value="true"/>
                      <Option name="expression" type="QString" value="if(&quot;destination_coarse&quot;, &apos;#ffffff&apos;, &apos;#f38400&apos;)"/>
                      <Option name="type" type="int" value="3"/>
                    </Option>
                    <Option name="outlineWidth" type="Map">
                      <Option name="active" type="bool" value="true"/>
                      <Option name="expression" type="QString" value="with_variable(&apos;w&apos;, CASE WHEN &quot;vehicles&quot; IS NULL THEN 3 ELSE 2 + 8 * clamp(0, log10(max(1, &quot;vehicles&quot;)) / 3, 1) END, (if(&quot;destination_coarse&quot;, max(0.45 * @w, 2), 1)) * 0.264583)"/>
                      <Option name="type" type="int" value="3"/>
                    </Option>
                  </Option>
                  <Option name="type" type="QString" value="collection"/>
                </Option>
              </data_defined_properties>
            </layer>
          </symbol>
        </layer>
      </symbol>
      <symbol type="line" name="4" alpha="1" clip_to_extent="1" force_rhr="0">
        <layer class="SimpleLine" enabled="1" locked="1" pass="0">
          <Option type="Map">
            <Option name="line_color" type="QString" value="255,255,255,230"/>
            <Option name="line_style" type="QString" value="solid"/>
            <Option name="line_width" type="QString" value="0.794"/>
            <Option name="line_width_unit" type="QString" value="MM"/>
            <Option name="joinstyle" type="QString" value="round"/>
            <Option name="customdash_unit" type="QString" value="MM"/>
            <Option name="trim_distance_end_unit" type="QString" value="MM"/>
            <Option name="capstyle" type="QString" value="round"/>
          </Option>
          <data_defined_properties>
            <Option type="Map">
              <Option name="name" type="QString" value=""/>
              <Option name="properties" type="Map">
                <Option name="outlineWidth" type="Map">
                  <Option name="active" type="bool" value="true"/>
                  <Option name="expression" type="QString" value="with_variable(&apos;w&apos;, CASE WHEN &quot;vehicles&quot; IS NULL THEN 3 ELSE 2 + 8 * clamp(0, log10(max(1, &quot;vehicles&quot;)) / 3, 1) END, (@w + 3) * 0.264583)"/>
                  <Option name="type" type="int" value="3"/>
                </Option>
              </Option>
              <Option name="type" type="QString" value="collection"/>
            </Option>
          </data_defined_properties>
        </layer>
        <layer class="SimpleLine" enabled="1" locked="0" pass="0">
          <Option type="Map">
            <Option name="line_color" type="QString" value="31,119,180,255"/>
            <Option name="line_style" type="QString" value="solid"/>
            <Option name="line_width" type="QString" value="0.794"/>
            <Option name="line_width_unit" type="QString" value="MM"/>
            <Option name="joinstyle" type="QString" value="round"/>
            <Option name="customdash_unit" type="QString" value="MM"/>
            <Option name="trim_distance_end_unit" type="QString" value="MM"/>
            <Option name="capstyle" type="QString" value="round"/>
          </Option>
          <data_defined_properties>
            <Option type="Map">
              <Option name="name" type="QString" value=""/>
              <Option name="properties" type="Map">
                <Option name="outlineWidth" type="Map">
                  <Option name="active" type="bool" value="true"/>
                  <Option name="expression" type="QString" value="with_variable(&apos;w&apos;, CASE WHEN &quot;vehicles&quot; IS NULL THEN 3 ELSE 2 + 8 * clamp(0, log10(max(1, &quot;vehicles&quot;)) / 3, 1) END, (@w) * 0.264583)"/>
                  <Option name="type" type="int" value="3"/>
                </Option>
                <Option name="trimEnd" type="Map">
                  <Option name="active" type="bool" value="true"/>
                  <Option name="expression" type="QString" value="with_variable(&apos;w&apos;, CASE WHEN &quot;vehicles&quot; IS NULL THEN 3 ELSE 2 + 8 * clamp(0, log10(max(1, &quot;vehicles&quot;)) / 3, 1) END, ((2.4 * @w + 9) * 0.7) * 0.264583)"/>
                  <Option name="type" type="int" value="3"/>
                </Option>
                <Option name="enabled" type="Map">
                  <Option name="active" type="bool" value="true"/>
                  <Option name="expression" type="QString" value="&quot;status&quot; NOT IN (&apos;planned&apos;, &apos;denied&apos;)"/>
                  <Option name="type" type="int" value="3"/>
                </Option>
              </Option>
              <Option name="type" type="QString" value="collection"/>
            </Option>
          </data_defined_properties>
        </layer>
        <layer class="SimpleLine" enabled="1" locked="0" pass="0">
          <Option type="Map">
            <Option name="line_color" type="QString" value="31,119,180,255"/>
            <Option name="line_style" type="QString" value="solid"/>
            <Option name="line_width" type="QString" value="0.794"/>
            <Option name="line_width_unit" type="QString" value="MM"/>
            <Option name="joinstyle" type="QString" value="round"/>
            <Option name="customdash_unit" type="QString" value="MM"/>
            <Option name="trim_distance_end_unit" type="QString" value="MM"/>
            <Option name="use_custom_dash" type="QString" value="1"/>
            <Option name="capstyle" type="QString" value="flat"/>
          </Option>
          <data_defined_properties>
            <Option type="Map">
              <Option name="name" type="QString" value=""/>
              <Option name="properties" type="Map">
                <Option name="outlineWidth" type="Map">
                  <Option name="active" type="bool" value="true"/>
                  <Option name="expression" type="QString" value="with_variable(&apos;w&apos;, CASE WHEN &quot;vehicles&quot; IS NULL THEN 3 ELSE 2 + 8 * clamp(0, log10(max(1, &quot;vehicles&quot;)) / 3, 1) END, (@w) * 0.264583)"/>
                  <Option name="type" type="int" value="3"/>
                </Option>
                <Option name="trimEnd" type="Map">
                  <Option name="active" type="bool" value="true"/>
                  <Option name="expression" type="QString" value="with_variable(&apos;w&apos;, CASE WHEN &quot;vehicles&quot; IS NULL THEN 3 ELSE 2 + 8 * clamp(0, log10(max(1, &quot;vehicles&quot;)) / 3, 1) END, ((2.4 * @w + 9) * 0.7) * 0.264583)"/>
                  <Option name="type" type="int" value="3"/>
                </Option>
                <Option name="enabled" type="Map">
                  <Option name="active" type="bool" value="true"/>
                  <Option name="expression" type="QString" value="&quot;status&quot; IN (&apos;planned&apos;, &apos;denied&apos;)"/>
                  <Option name="type" type="int" value="3"/>
                </Option>
                <Option name="customDash" type="Map">
                  <Option name="active" type="bool" value="true"/>
                  <Option name="expression" type="QString" value="with_variable(&apos;w&apos;, CASE WHEN &quot;vehicles&quot; IS NULL THEN 3 ELSE 2 + 8 * clamp(0, log10(max(1, &quot;vehicles&quot;)) / 3, 1) END, (CASE WHEN &quot;status&quot; = &apos;denied&apos; THEN concat(0.9 * @w + 1, &apos;;&apos;, 1.3 * @w + 3) ELSE concat(2.2 * @w + 4, &apos;;&apos;, 1.4 * @w + 3) END) * 0.264583)"/>
                  <Option name="type" type="int" value="3"/>
                </Option>
              </Option>
              <Option name="type" type="QString" value="collection"/>
            </Option>
          </data_defined_properties>
        </layer>
        <layer class="MarkerLine" enabled="1" locked="0" pass="0">
          <Option type="Map">
            <Option name="placement" type="QString" value="lastvertex"/>
            <Option name="rotate" type="QString" value="1"/>
            <Option name="interval" type="QString" value="3"/>
            <Option name="offset" type="QString" value="0"/>
          </Option>
          <data_defined_properties>
            <Option type="Map">
              <Option name="name" type="QString" value=""/>
              <Option name="properties" type="Map">
              </Option>
              <Option name="type" type="QString" value="collection"/>
            </Option>
          </data_defined_properties>
          <symbol type="marker" name="@4@3" alpha="1" clip_to_extent="1" force_rhr="0">
            <layer class="SimpleMarker" enabled="1" locked="0" pass="0">
              <Option type="Map">
                <Option name="name" type="QString" value="triangle"/>
                <Option name="angle" type="QString" value="90"/>
                <Option name="color" type="QString" value="31,119,180,255"/>
                <Option name="outline_color" type="QString" value="31,119,180,255"/>
                <Option name="outline_style" type="QString" value="solid"/>
                <Option name="outline_width" type="QString" value="0.265"/>
                <Option name="outline_width_unit" type="QString" value="MM"/>
                <Option name="joinstyle" type="QString" value="round"/>
                <Option name="size_unit" type="QString" value="MM"/>
                <Option name="vertical_anchor_point" type="QString" value="0"/>
                <Option name="horizontal_anchor_point" type="QString" value="1"/>
              </Option>
              <data_defined_properties>
                <Option type="Map">
                  <Option name="name" type="QString" value=""/>
                  <Option name="properties" type="Map">
                    <Option name="size" type="Map">
                      <Option name="active" type="bool" value="true"/>
                      <Option name="expression" type="QString" value="with_variable(&apos;w&apos;, CASE WHEN &quot;vehicles&quot; IS NULL THEN 3 ELSE 2 + 8 * clamp(0, log10(max(1, &quot;vehicles&quot;)) / 3, 1) END, (2 * (1.25 * @w + 4.5)) * 0.264583)"/>
                      <Option name="type" type="int" value="3"/>
                    </Option>
                    <Option name="fillColor" type="Map">
                      <Option name="active" type="bool" value="true"/>
                      <Option name="expression" type="QString" value="if(&quot;destination_coarse&quot;, &apos;#ffffff&apos;, &apos;#1f77b4&apos;)"/>
                      <Option name="type" type="int" value="3"/>
                    </Option>
                    <Option name="outlineWidth" type="Map">
                      <Option name="active" type="bool" value="true"/>
                      <Option name="expression" type="QString" value="with_variable(&apos;w&apos;, CASE WHEN &quot;vehicles&quot; IS NULL THEN 3 ELSE 2 + 8 * clamp(0, log10(max(1, &quot;vehicles&quot;)) / 3, 1) END, (if(&quot;destination_coarse&quot;, max(0.45 * @w, 2), 1)) * 0.264583)"/>
                      <Option name="type" type="int" value="3"/>
                    </Option>
                  </Option>
                  <Option name="type" type="QString" value="collection"/>
                </Option>
              </data_defined_properties>
            </layer>
          </symbol>
        </layer>
      </symbol>
      <symbol type="line" name="5" alpha="1" clip_to_extent="1" force_rhr="0">
        <layer class="SimpleLine" enabled="1" locked="1" pass="0">
          <Option type="Map">
            <Option name="line_color" type="QString" value="255,255,255,230"/>
            <Option name="line_style" type="QString" value="solid"/>
            <Option name="line_width" type="QString" value="0.794"/>
            <Option name="line_width_unit" type="QString" value="MM"/>
            <Option name="joinstyle" type="QString" value="round"/>
            <Option name="customdash_unit" type="QString" value="MM"/>
            <Option name="trim_distance_end_unit" type="QString" value="MM"/>
            <Option name="capstyle" type="QString" value="round"/>
          </Option>
          <data_defined_properties>
            <Option type="Map">
              <Option name="name" type="QString" value=""/>
              <Option name="properties" type="Map">
                <Option name="outlineWidth" type="Map">
                  <Option name="active" type="bool" value="true"/>
                  <Option name="expression" type="QString" value="with_variable(&apos;w&apos;, CASE WHEN &quot;vehicles&quot; IS NULL THEN 3 ELSE 2 + 8 * clamp(0, log10(max(1, &quot;vehicles&quot;)) / 3, 1) END, (@w + 3) * 0.264583)"/>
                  <Option name="type" type="int" value="3"/>
                </Option>
              </Option>
              <Option name="type" type="QString" value="collection"/>
            </Option>
          </data_defined_properties>
        </layer>
        <layer class="SimpleLine" enabled="1" locked="0" pass="0">
          <Option type="Map">
            <Option name="line_color" type="QString" value="85,85,85,255"/>
            <Option name="line_style" type="QString" value="solid"/>
            <Option name="line_width" type="QString" value="0.794"/>
            <Option name="line_width_unit" type="QString" value="MM"/>
            <Option name="joinstyle" type="QString" value="round"/>
            <Option name="customdash_unit" type="QString" value="MM"/>
            <Option name="trim_distance_end_unit" type="QString" value="MM"/>
            <Option name="capstyle" type="QString" value="round"/>
          </Option>
          <data_defined_properties>
            <Option type="Map">
              <Option name="name" type="QString" value=""/>
              <Option name="properties" type="Map">
                <Option name="outlineWidth" type="Map">
                  <Option name="active" type="bool" value="true"/>
                  <Option name="expression" type="QString" value="with_variable(&apos;w&apos;, CASE WHEN &quot;vehicles&quot; IS NULL THEN 3 ELSE 2 + 8 * clamp(0, log10(max(1, &quot;vehicles&quot;)) / 3, 1) END, (@w) * 0.264583)"/>
                  <Option name="type" type="int" value="3"/>
                </Option>
                <Option name="trimEnd" type="Map">
                  <Option name="active" type="bool" value="true"/>
                  <Option name="expression" type="QString" value="with_variable(&apos;w&apos;, CASE WHEN &quot;vehicles&quot; IS NULL THEN 3 ELSE 2 + 8 * clamp(0, log10(max(1, &quot;vehicles&quot;)) / 3, 1) END, ((2.4 * @w + 9) * 0.7) * 0.264583)"/>
                  <Option name="type" type="int" value="3"/>
                </Option>
                <Option name="enabled" type="Map">
                  <Option name="active" type="bool" value="true"/>
                  <Option name="expression" type="QString" value="&quot;status&quot; NOT IN (&apos;planned&apos;, &apos;denied&apos;)"/>
                  <Option name="type" type="int" value="3"/>
                </Option>
                <Option name="outlineColor" type="Map">
                  <Option name="active" type="bool" value="true"/>
                  <Option name="expression" type="QString" value="coalesce(&quot;stroke&quot;, &apos;#555555&apos;)"/>
                  <Option name="type" type="int" value="3"/>
                </Option>
              </Option>
              <Option name="type" type="QString" value="collection"/>
            </Option>
          </data_defined_properties>
        </layer>
        <layer class="SimpleLine" enabled="1" locked="0" pass="0">
          <Option type="Map">
            <Option name="line_color" type="QString" value="85,85,85,255"/>
            <Option name="line_style" type="QString" value="solid"/>
            <Option name="line_width" type="QString" value="0.794"/>
            <Option name="line_width_unit" type="QString" value="MM"/>
            <Option name="joinstyle" type="QString" value="round"/>
            <Option name="customdash_unit" type="QString" value="MM"/>
            <Option name="trim_distance_end_unit" type="QString" value="MM"/>
            <Option name="use_custom_dash" type="QString" value="1"/>
            <Option name="capstyle" type="QString" value="flat"/>
          </Option>
          <data_defined_properties>
            <Option type="Map">
              <Option name="name" type="QString" value=""/>
              <Option name="properties" type="Map">
                <Option name="outlineWidth" type="Map">
                  <Option name="active" type="bool" value="true"/>
                  <Option name="expression" type="QString" value="with_variable(&apos;w&apos;, CASE WHEN &quot;vehicles&quot; IS NULL THEN 3 ELSE 2 + 8 * clamp(0, log10(max(1, &quot;vehicles&quot;)) / 3, 1) END, (@w) * 0.264583)"/>
                  <Option name="type" type="int" value="3"/>
                </Option>
                <Option name="trimEnd" type="Map">
                  <Option name="active" type="bool" value="true"/>
                  <Option name="expression" type="QString" value="with_variable(&apos;w&apos;, CASE WHEN &quot;vehicles&quot; IS NULL THEN 3 ELSE 2 + 8 * clamp(0, log10(max(1, &quot;vehicles&quot;)) / 3, 1) END, ((2.4 * @w + 9) * 0.7) * 0.264583)"/>
                  <Option name="type" type="int" value="3"/>
                </Option>
                <Option name="enabled" type="Map">
                  <Option name="active" type="bool" value="true"/>
                  <Option name="expression" type="QString" value="&quot;status&quot; IN (&apos;planned&apos;, &apos;denied&apos;)"/>
                  <Option name="type" type="int" value="3"/>
                </Option>
                <Option name="customDash" type="Map">
                  <Option name="active" type="bool" value="true"/>
                  <Option name="expression" type="QString" value="with_variable(&apos;w&apos;, CASE WHEN &quot;vehicles&quot; IS NULL THEN 3 ELSE 2 + 8 * clamp(0, log10(max(1, &quot;vehicles&quot;)) / 3, 1) END, (CASE WHEN &quot;status&quot; = &apos;denied&apos; THEN concat(0.9 * @w + 1, &apos;;&apos;, 1.3 * @w + 3) ELSE concat(2.2 * @w + 4, &apos;;&apos;, 1.4 * @w + 3) END) * 0.264583)"/>
                  <Option name="type" type="int" value="3"/>
                </Option>
                <Option name="outlineColor" type="Map">
                  <Option name="active" type="bool" value="true"/>
                  <Option name="expression" type="QString" value="coalesce(&quot;stroke&quot;, &apos;#555555&apos;)"/>
                  <Option name="type" type="int" value="3"/>
                </Option>
              </Option>
              <Option name="type" type="QString" value="collection"/>
            </Option>
          </data_defined_properties>
        </layer>
        <layer class="MarkerLine" enabled="1" locked="0" pass="0">
          <Option type="Map">
            <Option name="placement" type="QString" value="lastvertex"/>
            <Option name="rotate" type="QString" value="1"/>
            <Option name="interval" type="QString" value="3"/>
            <Option name="offset" type="QString" value="0"/>
          </Option>
          <data_defined_properties>
            <Option type="Map">
              <Option name="name" type="QString" value=""/>
              <Option name="properties" type="Map">
              </Option>
              <Option name="type" type="QString" value="collection"/>
            </Option>
          </data_defined_properties>
          <symbol type="marker" name="@5@3" alpha="1" clip_to_extent="1" force_rhr="0">
            <layer class="SimpleMarker" enabled="1" locked="0" pass="0">
              <Option type="Map">
                <Option name="name" type="QString" value="triangle"/>
                <Option name="angle" type="QString" value="90"/>
                <Option name="color" type="QString" value="85,85,85,255"/>
                <Option name="outline_color" type="QString" value="85,85,85,255"/>
                <Option name="outline_style" type="QString" value="solid"/>
                <Option name="outline_width" type="QString" value="0.265"/>
                <Option name="outline_width_unit" type="QString" value="MM"/>
                <Option name="joinstyle" type="QString" value="round"/>
                <Option name="size_unit" type="QString" value="MM"/>
                <Option name="vertical_anchor_point" type="QString" value="0"/>
                <Option name="horizontal_anchor_point" type="QString" value="1"/>
              </Option>
              <data_defined_properties>
                <Option type="Map">
                  <Option name="name" type="QString" value=""/>
                  <Option name="properties" type="Map">
                    <Option name="size" type="Map">
                      <Option name="active" type="bool" value="true"/>
                      <Option name="expression" type="QString" value="with_variable(&apos;w&apos;, CASE WHEN &quot;vehicles&quot; IS NULL THEN 3 ELSE 2 + 8 * clamp(0, log10(max(1, &quot;vehicles&quot;)) / 3, 1) END, (2 * (1.25 * @w + 4.5)) * 0.264583)"/>
                      <Option name="type" type="int" value="3"/>
                    </Option>
                    <Option name="fillColor" type="Map">
                      <Option name="active" type="bool" value="true"/>
                      <Option name="expression" type="QString" value="if(&quot;destination_coarse&quot;, &apos;#ffffff&apos;, coalesce(&quot;stroke&quot;, &apos;#555555&apos;))"/>
                      <Option name="type" type="int" value="3"/>
                    </Option>
                    <Option name="outlineWidth" type="Map">
                      <Option name="active" type="bool" value="true"/>
                      <Option name="expression" type="QString" value="with_variable(&apos;w&apos;, CASE WHEN &quot;vehicles&quot; IS NULL THEN 3 ELSE 2 + 8 * clamp(0, log10(max(1, &quot;vehicles&quot;)) / 3, 1) END, (if(&quot;destination_coarse&quot;, max(0.45 * @w, 2), 1)) * 0.264583)"/>
                      <Option name="type" type="int" value="3"/>
                    </Option>
                    <Option name="outlineColor" type="Map">
                      <Option name="active" type="bool" value="true"/>
                      <Option name="expression" type="QString" value="coalesce(&quot;stroke&quot;, &apos;#555555&apos;)"/>
                      <Option name="type" type="int" value="3"/>
                    </Option>
                  </Option>
                  <Option name="type" type="QString" value="collection"/>
                </Option>
              </data_defined_properties>
            </layer>
          </symbol>
        </layer>
      </symbol>
    </symbols>
  </renderer-v2>
  <temporal enabled="1" mode="1" startField="event_date" endField="" durationField="" durationUnit="min" fixedDuration="0" accumulate="0" startExpression="" endExpression="" limitMode="0">
    <fixedRange>
      <start/>
      <end/>
    </fixedRange>
  </temporal>
  <layerGeometryType>1</layerGeometryType>
</qgis>
