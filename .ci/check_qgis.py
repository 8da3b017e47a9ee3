#!/usr/bin/env python3
"""convoy's layers in headless QGIS: the styles written beside them are applied, and the
Temporal Controller shows each frame's features and no others.

Usage: check_qgis.py EXTRACT_DIR [PNG_DIR]

EXTRACT_DIR holds what `convoy extract` writes (movements, events and places as .geojson, each
with its .qml). Checks, with QGIS's own code wherever QGIS decides:

- each layer opens with its .qml applied (QGIS loads NAME.qml beside NAME.geojson): a
  categorized renderer, and for every feature the symbol QGIS picks has the colour the GeoJSON
  gives it (`stroke` for movements, `marker-color` for events);
- movements end in an arrowhead at the last vertex, and the dashed line is drawn for exactly
  the planned and denied movements, the solid one for the others; places are labelled with
  `name_en`; the style's temporal settings put movements and events at `event_date`;
- the Temporal Controller: for QGIS's own frames (QgsTemporalNavigationObject, one a month over
  the whole range, and one a day around every date the layers hold), the features QGIS's filter
  for the frame (the one its renderer uses) lets through are exactly those whose `event_date`
  lies in the frame, worked out here from the GeoJSON.

With PNG_DIR, also renders each layer with its style, and all three together, to PNG files there
for a person to look at. Exits 1 naming every failure.
"""

import datetime
import json
import os
import sys

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from qgis.core import (  # noqa: E402
    QgsApplication,
    QgsCoordinateReferenceSystem,
    QgsDateTimeRange,
    QgsExpressionContext,
    QgsExpressionContextUtils,
    QgsFeatureRequest,
    QgsInterval,
    QgsMapRendererParallelJob,
    QgsMapSettings,
    QgsRenderContext,
    QgsSymbolLayer,
    QgsTemporalNavigationObject,
    QgsUnitTypes,
    QgsVectorLayer,
    QgsVectorLayerTemporalContext,
    QgsVectorLayerTemporalProperties,
)
from qgis.PyQt.QtCore import QDate, QDateTime, QSize, QTime  # noqa: E402
from qgis.PyQt.QtGui import QColor  # noqa: E402

FAILURES = []


def fail(message):
    FAILURES.append(message)
    print("FAIL:", message, file=sys.stderr)


def features(directory, name):
    with open(os.path.join(directory, name + ".geojson"), encoding="utf-8") as f:
        return json.load(f)["features"]


def open_layer(directory, name):
    layer = QgsVectorLayer(os.path.join(directory, name + ".geojson"), name, "ogr")
    if not layer.isValid():
        fail(f"{name}.geojson: QGIS cannot open it")
    return layer


def render_context(layer):
    context = QgsRenderContext()
    context.expressionContext().appendScopes(
        QgsExpressionContextUtils.globalProjectLayerScopes(layer)
    )
    return context


def symbols_by_id(layer):
    """The symbol QGIS's renderer picks for each feature, by the feature's `id`."""
    renderer = layer.renderer()
    context = render_context(layer)
    renderer.startRender(context, layer.fields())
    picked = {}
    for f in layer.getFeatures():
        context.expressionContext().setFeature(f)
        symbols = renderer.symbolsForFeature(f, context)
        picked[f["id"]] = (symbols[0].clone() if symbols else None, f)
    renderer.stopRender(context)
    return picked, context


def drawn_colour(symbol, layer_index, context, feature):
    """The colour a symbol layer draws a feature in: its data-defined colour when it has one."""
    sl = symbol.symbolLayer(layer_index)
    props = sl.dataDefinedProperties()
    for key in (QgsSymbolLayer.PropertyStrokeColor, QgsSymbolLayer.PropertyFillColor):
        prop = props.property(key)
        if prop and prop.isActive():
            colour, ok = prop.valueAsColor(context.expressionContext(), QColor())
            if ok:
                return colour.name()
    return symbol.color().name()


def layer_enabled(symbol_layer, context):
    prop = symbol_layer.dataDefinedProperties().property(QgsSymbolLayer.PropertyLayerEnabled)
    if not prop or not prop.isActive():
        return True
    value, _ = prop.valueAsBool(context.expressionContext(), True)
    return value


def check_colours(layer, geojson, colour_property, what):
    if layer.renderer() is None or layer.renderer().type() != "categorizedSymbol":
        kind = layer.renderer().type() if layer.renderer() else None
        fail(f"{what}: the .qml was not applied (renderer {kind}, not categorizedSymbol)")
        return None
    picked, context = symbols_by_id(layer)
    for gf in geojson:
        fid = gf["properties"]["id"]
        want = gf["properties"][colour_property].lower()
        symbol, feature = picked.get(fid, (None, None))
        if symbol is None:
            fail(f"{what} {fid}: QGIS draws no symbol for it")
            continue
        context.expressionContext().setFeature(feature)
        # The shaft of a movement (layer 1: under it, the white halo), an event's marker.
        index = 1 if symbol.symbolLayerCount() > 1 else 0
        got = drawn_colour(symbol, index, context, feature)
        if got != want:
            fail(f"{what} {fid}: QGIS draws it in {got}, its {colour_property} is {want}")
    return picked, context


def check_movements(layer, geojson):
    failures = len(FAILURES)
    checked = check_colours(layer, geojson, "stroke", "movement")
    if checked is None:
        return
    picked, context = checked
    # Every actor present has its own class in its colour.
    categories = {c.value(): c for c in layer.renderer().categories()}
    for gf in geojson:
        actor = gf["properties"]["actor"]
        if actor is not None and actor not in categories:
            fail(f"movements.qml: no class for the actor {actor!r}")
        elif actor is not None:
            c = categories[actor].symbol().color().name()
            if c != gf["properties"]["stroke"].lower():
                fail(f"movements.qml: the class {actor!r} is {c}, its stroke {gf['properties']['stroke']}")
    if "" not in categories:
        fail("movements.qml: no class for other actors")
    dashed_seen = 0
    for gf in geojson:
        p = gf["properties"]
        symbol, feature = picked[p["id"]]
        context.expressionContext().setFeature(feature)
        layers = symbol.symbolLayers()
        heads = [
            sl for sl in layers
            if sl.layerType() == "MarkerLine"
            and sl.placement() == sl.LastVertex
            and sl.rotateSymbols()
            and sl.subSymbol().symbolLayer(0).shape() == sl.subSymbol().symbolLayer(0).Triangle
        ]
        if not heads:
            fail(f"movement {p['id']}: no arrowhead at its destination")
        lines = [sl for sl in layers if sl.layerType() == "SimpleLine" and not sl.isLocked()]
        drawn = [sl for sl in lines if layer_enabled(sl, context)]
        dashed = [sl for sl in drawn if sl.useCustomDashPattern()]
        undone = p["status"] in ("planned", "denied")
        if len(drawn) != 1:
            fail(f"movement {p['id']}: {len(drawn)} lines drawn, not one")
        elif undone != bool(dashed):
            fail(f"movement {p['id']} ({p['status']}): dashed is {bool(dashed)}")
        dashed_seen += bool(dashed)
    if len(FAILURES) == failures:
        print(f"qgis: movements: {len(geojson)} features in their actors' colours, "
              f"{dashed_seen} dashed (planned or denied), each with an arrowhead")


def check_events(layer, geojson):
    if check_colours(layer, geojson, "marker-color", "event") is not None:
        types = {c.value() for c in layer.renderer().categories()}
        missing = {f["properties"]["event_type"] for f in geojson} - types
        if missing:
            fail(f"events.qml: no class for {sorted(missing)}")
        print(f"qgis: events: {len(geojson)} features in their types' colours")


def check_places(layer, geojson):
    if layer.renderer() is None or layer.renderer().type() != "categorizedSymbol":
        fail("places: the .qml was not applied")
    kinds = {c.value() for c in layer.renderer().categories()}
    missing = {f["properties"]["kind"] for f in geojson} - kinds
    if missing:
        fail(f"places.qml: no class for the kinds {sorted(missing)}")
    if not layer.labelsEnabled() or layer.labeling() is None:
        fail("places.qml: labels are not on")
        return
    settings = layer.labeling().settings()
    if not settings.isExpression or settings.fieldName.strip() != '"name_en"':
        fail(f"places.qml: labels show {settings.fieldName!r}, not the English name")
    print(f"qgis: places: {len(kinds)} classes by kind, labelled with {settings.fieldName}")


def date_of(feature):
    text = feature["properties"].get("event_date")
    return None if text is None else datetime.date.fromisoformat(text)


def qdatetime(d):
    return QDateTime(QDate(d.year, d.month, d.day), QTime(0, 0, 0))


def py_datetime(q):
    return datetime.datetime(q.date().year(), q.date().month(), q.date().day(),
                             q.time().hour(), q.time().minute(), q.time().second())


def in_frame(d, frame):
    """Whether a feature of date `d` (None: undated) is in `frame`, by the frame's own bounds."""
    if d is None:
        return True  # QGIS shows undated features in every frame ("... OR field IS NULL").
    at = datetime.datetime(d.year, d.month, d.day)
    begin, end = py_datetime(frame.begin()), py_datetime(frame.end())
    after = at >= begin if frame.includeBeginning() else at > begin
    before = at <= end if frame.includeEnd() else at < end
    return after and before


def frames(dates):
    """QGIS's own frames: monthly over the whole range, and daily around every date."""
    nav = QgsTemporalNavigationObject()
    lo, hi = min(dates), max(dates) + datetime.timedelta(days=1)
    nav.setTemporalExtents(QgsDateTimeRange(qdatetime(lo), qdatetime(hi)))
    out = []
    nav.setFrameDuration(QgsInterval(1, QgsUnitTypes.TemporalMonths))
    out += [nav.dateTimeRangeForFrameNumber(i) for i in range(nav.totalFrameCount())]
    nav.setFrameDuration(QgsInterval(1, QgsUnitTypes.TemporalDays))
    for d in sorted(dates):
        for day in (d - datetime.timedelta(days=1), d, d + datetime.timedelta(days=1)):
            nav.setTemporalExtents(QgsDateTimeRange(qdatetime(day), qdatetime(day + datetime.timedelta(days=1))))
            out.append(nav.dateTimeRangeForFrameNumber(0))
    return out


def check_temporal(directory, layer, name, geojson):
    # QGIS 3.22 sets a new layer's temporal settings from the data provider just after it reads
    # the default style, so what the .qml says applies when the style is loaded again (Styles >
    # Restore Default, or Load Style): the check does so, and so may a user.
    message, ok = layer.loadDefaultStyle()
    props = layer.temporalProperties()
    if not ok:
        fail(f"{name}.qml: QGIS cannot load it: {message}")
        return
    if props.mode() != QgsVectorLayerTemporalProperties.ModeFeatureDateTimeInstantFromField \
            or props.startField() != "event_date" or not props.isActive():
        fail(f"{name}.qml: temporal settings are mode {props.mode()} on {props.startField()!r}, "
             f"active {props.isActive()}, not an active instant at event_date")
        return
    failures = len(FAILURES)
    undated = [f["properties"]["id"] for f in geojson if date_of(f) is None]
    if undated:
        fail(f"{name}: features without event_date: {undated}")
    dates = {date_of(f) for f in geojson if date_of(f) is not None}
    if not dates:
        fail(f"{name}: no dates to animate")
        return
    context = QgsVectorLayerTemporalContext()
    context.setLayer(layer)
    ids = {f.id(): f["id"] for f in layer.getFeatures()}
    shown_somewhere = set()
    checked = 0
    for frame in frames(dates):
        expression = props.createFilterString(context, frame)
        request = QgsFeatureRequest().setFilterExpression(expression)
        request.setFlags(QgsFeatureRequest.NoGeometry)
        got = {ids[f.id()] for f in layer.getFeatures(request)}
        want = {f["properties"]["id"] for f in geojson if in_frame(date_of(f), frame)}
        if got != want:
            fail(f"{name}: frame {frame.begin().toString('yyyy-MM-dd')}..{frame.end().toString('yyyy-MM-dd')} "
                 f"({expression}) shows {sorted(got - want)} too and misses {sorted(want - got)}")
        shown_somewhere |= got
        checked += 1
    if shown_somewhere != {f["properties"]["id"] for f in geojson}:
        fail(f"{name}: never shown in any frame: {sorted({f['properties']['id'] for f in geojson} - shown_somewhere)}")
    if len(FAILURES) == failures:
        print(f"qgis: {name}: {checked} Temporal Controller frames each show exactly the features "
              f"dated in them ({len(dates)} dates from {min(dates)} to {max(dates)})")


def render(layers, path, crs, fit, temporal=None):
    settings = QgsMapSettings()
    settings.setLayers(layers)
    settings.setDestinationCrs(crs)
    settings.setBackgroundColor(QColor(250, 249, 245))
    settings.setOutputSize(QSize(2000, 1500))
    settings.setOutputDpi(96)
    extent = None
    for layer in fit:
        e = settings.layerExtentToOutputExtent(layer, layer.extent())
        if extent is None:
            extent = e
        else:
            extent.combineExtentWith(e)
    extent.scale(1.1)
    settings.setExtent(extent)
    if temporal is not None:
        settings.setIsTemporal(True)
        settings.setTemporalRange(temporal)
    job = QgsMapRendererParallelJob(settings)
    job.start()
    job.waitForFinished()
    job.renderedImage().save(path, "png")
    print(f"qgis: drew {path}")


def main():
    directory = sys.argv[1]
    QgsApplication.setPrefixPath("/usr", True)
    app = QgsApplication([], False)
    app.initQgis()
    geo = {name: features(directory, name) for name in ("movements", "events", "places")}
    layers = {name: open_layer(directory, name) for name in geo}
    for name, layer in layers.items():
        if layer.isValid() and layer.featureCount() != len(geo[name]):
            fail(f"{name}: QGIS reads {layer.featureCount()} features, the file has {len(geo[name])}")
    check_movements(layers["movements"], geo["movements"])
    check_events(layers["events"], geo["events"])
    check_places(layers["places"], geo["places"])
    for name in ("movements", "events"):
        check_temporal(directory, layers[name], name, geo[name])
    if len(sys.argv) > 2:
        out = sys.argv[2]
        os.makedirs(out, exist_ok=True)
        # The maps' projection: a Lambert conformal conic over Iraq and Syria.
        crs = QgsCoordinateReferenceSystem.fromProj(
            "+proj=lcc +lat_0=33 +lon_0=42 +lat_1=30.3 +lat_2=35.8 +datum=WGS84 +units=m +no_defs")
        ordered = [layers["events"], layers["places"], layers["movements"]]
        fit = [layers["events"]]
        render(ordered, os.path.join(out, "qgis-all.png"), crs, fit)
        latest = max(date_of(f) for f in geo["movements"] if date_of(f))
        frame = QgsDateTimeRange(qdatetime(latest.replace(day=1)),
                                 qdatetime(latest + datetime.timedelta(days=1)), True, False)
        render(ordered, os.path.join(out, "qgis-frame.png"), crs, fit, frame)
    if FAILURES:
        print(f"qgis: {len(FAILURES)} failures", file=sys.stderr)
    else:
        print("qgis: the styles apply and the Temporal Controller shows each frame's features")
    sys.stdout.flush()
    sys.stderr.flush()
    # QGIS's Python bindings can crash while Python tears them down at exit: leave at once.
    os._exit(1 if FAILURES else 0)


if __name__ == "__main__":
    main()
