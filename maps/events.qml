<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE qgis PUBLIC 'http://mrcc.com/qgis.dtd' 'SYSTEM'>
<qgis version="3.22.16-Białowieża" styleCategories="Symbology|Temporal" labelsEnabled="0">
  <renderer-v2 type="categorizedSymbol" attr="event_type" forceraster="0" symbollevels="0" enableorderby="0">
    <categories>
      <category render="true" symbol="0" value="withdrawal" label="withdrawal"/>
      <category render="true" symbol="1" value="redeployment" label="redeployment"/>
      <category render="true" symbol="2" value="handover" label="handover"/>
      <category render="true" symbol="3" value="presence" label="presence"/>
      <category render="true" symbol="4" value="attack" label="attack"/>
      <category render="true" symbol="5" value="" label="other event"/>
    </categories>
    <symbols>
      <symbol type="marker" name="0" alpha="1" clip_to_extent="1" force_rhr="0">
        <layer class="SimpleMarker" enabled="1" locked="0" pass="0">
          <Option type="Map">
            <Option name="name" type="QString" value="triangle"/>
            <Option name="angle" type="QString" value="180"/>
            <Option name="color" type="QString" value="230,97,1,255"/>
            <Option name="outline_color" type="QString" value="255,255,255,255"/>
            <Option name="outline_style" type="QString" value="solid"/>
            <Option name="outline_width" type="QString" value="0.602"/>
            <Option name="outline_width_unit" type="QString" value="MM"/>
            <Option name="joinstyle" type="QString" value="miter"/>
            <Option name="size" type="QString" value="3.44"/>
            <Option name="size_unit" type="QString" value="MM"/>
            <Option name="offset" type="QString" value="-3.605,3.473"/>
            <Option name="offset_unit" type="QString" value="MM"/>
          </Option>
          <data_defined_properties>
            <Option type="Map">
              <Option name="name" type="QString" value=""/>
              <Option name="properties" type="Map">
              </Option>
              <Option name="type" type="QString" value="collection"/>
            </Option>
          </data_defined_properties>
        </layer>
      </symbol>
      <symbol type="marker" name="1" alpha="1" clip_to_extent="1" force_rhr="0">
        <layer class="SimpleMarker" enabled="1" locked="0" pass="0">
          <Option type="Map">
            <Option name="name" type="QString" value="triangle"/>
            <Option name="angle" type="QString" value="90"/>
            <Option name="color" type="QString" value="0,133,125,255"/>
            <Option name="outline_color" type="QString" value="255,255,255,255"/>
            <Option name="outline_style" type="QString" value="solid"/>
            <Option name="outline_width" type="QString" value="0.602"/>
            <Option name="outline_width_unit" type="QString" value="MM"/>
            <Option name="joinstyle" type="QString" value="miter"/>
            <Option name="size" type="QString" value="3.44"/>
            <Option name="size_unit" type="QString" value="MM"/>
            <Option name="offset" type="QString" value="-3.473,-7.838"/>
            <Option name="offset_unit" type="QString" value="MM"/>
          </Option>
          <data_defined_properties>
            <Option type="Map">
              <Option name="name" type="QString" value=""/>
              <Option name="properties" type="Map">
              </Option>
              <Option name="type" type="QString" value="collection"/>
            </Option>
          </data_defined_properties>
        </layer>
      </symbol>
      <symbol type="marker" name="2" alpha="1" clip_to_extent="1" force_rhr="0">
        <layer class="SimpleMarker" enabled="1" locked="0" pass="0">
          <Option type="Map">
            <Option name="name" type="QString" value="diamond"/>
            <Option name="angle" type="QString" value="0"/>
            <Option name="color" type="QString" value="123,50,148,255"/>
            <Option name="outline_color" type="QString" value="255,255,255,255"/>
            <Option name="outline_style" type="QString" value="solid"/>
            <Option name="outline_width" type="QString" value="0.602"/>
            <Option name="outline_width_unit" type="QString" value="MM"/>
            <Option name="joinstyle" type="QString" value="miter"/>
            <Option name="size" type="QString" value="3.784"/>
            <Option name="size_unit" type="QString" value="MM"/>
            <Option name="offset" type="QString" value="12.072,-3.473"/>
            <Option name="offset_unit" type="QString" value="MM"/>
          </Option>
          <data_defined_properties>
            <Option type="Map">
              <Option name="name" type="QString" value=""/>
              <Option name="properties" type="Map">
              </Option>
              <Option name="type" type="QString" value="collection"/>
            </Option>
          </data_defined_properties>
        </layer>
      </symbol>
      <symbol type="marker" name="3" alpha="1" clip_to_extent="1" force_rhr="0">
        <layer class="SimpleMarker" enabled="1" locked="0" pass="0">
          <Option type="Map">
            <Option name="name" type="QString" value="hexagon"/>
            <Option name="angle" type="QString" value="30"/>
            <Option name="color" type="QString" value="33,102,172,255"/>
            <Option name="outline_color" type="QString" value="255,255,255,255"/>
            <Option name="outline_style" type="QString" value="solid"/>
            <Option name="outline_width" type="QString" value="0.602"/>
            <Option name="outline_width_unit" type="QString" value="MM"/>
            <Option name="joinstyle" type="QString" value="miter"/>
            <Option name="size" type="QString" value="3.44"/>
            <Option name="size_unit" type="QString" value="MM"/>
            <Option name="offset" type="QString" value="12.384,-11.16"/>
            <Option name="offset_unit" type="QString" value="MM"/>
          </Option>
          <data_defined_properties>
            <Option type="Map">
              <Option name="name" type="QString" value=""/>
              <Option name="properties" type="Map">
              </Option>
              <Option name="type" type="QString" value="collection"/>
            </Option>
          </data_defined_properties>
        </layer>
      </symbol>
      <symbol type="marker" name="4" alpha="1" clip_to_extent="1" force_rhr="0">
        <layer class="SimpleMarker" enabled="1" locked="0" pass="0">
          <Option type="Map">
            <Option name="name" type="QString" value="star"/>
            <Option name="angle" type="QString" value="0"/>
            <Option name="color" type="QString" value="200,16,30,255"/>
            <Option name="outline_color" type="QString" value="255,255,255,255"/>
            <Option name="outline_style" type="QString" value="solid"/>
            <Option name="outline_width" type="QString" value="0.602"/>
            <Option name="outline_width_unit" type="QString" value="MM"/>
            <Option name="joinstyle" type="QString" value="miter"/>
            <Option name="size" type="QString" value="4.128"/>
            <Option name="size_unit" type="QString" value="MM"/>
            <Option name="offset" type="QString" value="20.538,-3.473"/>
            <Option name="offset_unit" type="QString" value="MM"/>
          </Option>
          <data_defined_properties>
            <Option type="Map">
              <Option name="name" type="QString" value=""/>
              <Option name="properties" type="Map">
              </Option>
              <Option name="type" type="QString" value="collection"/>
            </Option>
          </data_defined_properties>
        </layer>
      </symbol>
      <symbol type="marker" name="5" alpha="1" clip_to_extent="1" force_rhr="0">
        <layer class="SimpleMarker" enabled="1" locked="0" pass="0">
          <Option type="Map">
            <Option name="name" type="QString" value="circle"/>
            <Option name="angle" type="QString" value="0"/>
            <Option name="color" type="QString" value="110,110,110,255"/>
            <Option name="outline_color" type="QString" value="255,255,255,255"/>
            <Option name="outline_style" type="QString" value="solid"/>
            <Option name="outline_width" type="QString" value="0.602"/>
            <Option name="outline_width_unit" type="QString" value="MM"/>
            <Option name="joinstyle" type="QString" value="miter"/>
            <Option name="size" type="QString" value="3.096"/>
            <Option name="size_unit" type="QString" value="MM"/>
            <Option name="offset" type="QString" value="24.772,-3.473"/>
            <Option name="offset_unit" type="QString" value="MM"/>
          </Option>
          <data_defined_properties>
            <Option type="Map">
              <Option name="name" type="QString" value=""/>
              <Option name="properties" type="Map">
                <Option name="fillColor" type="Map">
                  <Option name="active" type="bool" value="true"/>
                  <Option name="expression" type="QString" value="coalesce(&quot;marker-color&quot;, &apos;#6e6e6e&apos;)"/>
                  <Option name="type" type="int" value="3"/>
                </Option>
              </Option>
              <Option name="type" type="QString" value="collection"/>
            </Option>
          </data_defined_properties>
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
  <layerGeometryType>0</layerGeometryType>
</qgis>
