<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE" sourcelanguage="en">
    <context>
        <name>Sozialraum</name>
        <message>
            <source>Build block adjacency</source>
            <translation>Blocknachbarschaft bilden</translation>
        </message>
        <message>
            <source>Blocks</source>
            <translation>Blöcke</translation>
        </message>
        <message>
            <source>Builds the neighbourhood graph of blocks that delineation and editing use.

Two blocks are neighbours when they touch or lie within the gap distance of each other, so that blocks facing each other across a street count as neighbours. They are not neighbours when the shortest link between them crosses a barrier line (railway, river, major road), or when they have different values in the nesting field.

Queen contiguity accepts any contact; rook contiguity requires the blocks to face each other along at least 10 m, so blocks meeting only corner to corner across a crossing are not neighbours.

Outputs: the links as lines (from/to id, gap in metres, shared or facing length in metres) and the blocks with their number of neighbours (degree), connected component and an island flag (blocks outside the most populated component of their nesting unit). The log lists every island with its population.

Layers in a geographic CRS are measured in the UTM zone of their centre, so distances stay in metres. Invalid geometries are repaired, empty ones skipped; both are named in the log.</source>
            <translation>Bildet den Nachbarschaftsgraphen der Blöcke, den die Abgrenzung und die Bearbeitung verwenden.

Zwei Blöcke sind Nachbarn, wenn sie sich berühren oder höchstens den Lückenabstand voneinander entfernt liegen, sodass Blöcke, die sich über eine Straße hinweg gegenüberliegen, als Nachbarn gelten. Sie sind keine Nachbarn, wenn die kürzeste Verbindung zwischen ihnen eine Barrierelinie (Bahnlinie, Fluss, Hauptverkehrsstraße) kreuzt oder wenn sie im Verschachtelungsfeld verschiedene Werte haben.

Die Dame-Nachbarschaft (Queen) akzeptiert jede Berührung; die Turm-Nachbarschaft (Rook) verlangt, dass sich die Blöcke auf mindestens 10 m gegenüberliegen, sodass Blöcke, die sich an einer Kreuzung nur über Eck begegnen, keine Nachbarn sind.

Ausgaben: die Verbindungen als Linien (Von-/Bis-ID, Lücke in Metern, gemeinsame oder gegenüberliegende Länge in Metern) und die Blöcke mit ihrer Zahl der Nachbarn (Grad), ihrer Zusammenhangskomponente und einer Inselmarkierung (Blöcke außerhalb der einwohnerstärksten Komponente ihrer Verschachtelungseinheit). Das Protokoll nennt jede Insel mit ihrer Einwohnerzahl.

Layer in einem geographischen KBS werden in der UTM-Zone ihres Mittelpunkts gemessen, sodass Abstände in Metern bleiben. Ungültige Geometrien werden repariert, leere übersprungen; beide werden im Protokoll genannt.</translation>
        </message>
        <message>
            <source>Block id field (empty: feature id)</source>
            <translation>Feld mit der Block-ID (leer: Objekt-ID)</translation>
        </message>
        <message>
            <source>Gap distance across streets (m)</source>
            <translation>Lückenabstand über Straßen (m)</translation>
        </message>
        <message>
            <source>Contiguity</source>
            <translation>Nachbarschaftsregel</translation>
        </message>
        <message>
            <source>Barrier lines (railways, rivers, major roads)</source>
            <translation>Barrierelinien (Bahnlinien, Flüsse, Hauptverkehrsstraßen)</translation>
        </message>
        <message>
            <source>Nesting field (blocks in different units are never neighbours)</source>
            <translation>Verschachtelungsfeld (Blöcke in verschiedenen Einheiten sind nie Nachbarn)</translation>
        </message>
        <message>
            <source>Population field (to report island populations)</source>
            <translation>Einwohnerfeld (für die Einwohnerzahl der Inseln)</translation>
        </message>
        <message>
            <source>Blocks with neighbourhood</source>
            <translation>Blöcke mit Nachbarschaft</translation>
        </message>
        <message>
            <source>Adjacency links</source>
            <translation>Nachbarschaftsverbindungen</translation>
        </message>
        <message>
            <source>Number of links</source>
            <translation>Zahl der Verbindungen</translation>
        </message>
        <message>
            <source>Number of connected components</source>
            <translation>Zahl der Zusammenhangskomponenten</translation>
        </message>
        <message>
            <source>Number of islands</source>
            <translation>Zahl der Inseln</translation>
        </message>
        <message>
            <source>Population on islands</source>
            <translation>Einwohner auf Inseln</translation>
        </message>
        <message>
            <source>Blocks skipped (empty geometry)</source>
            <translation>Übersprungene Blöcke (leere Geometrie)</translation>
        </message>
        <message>
            <source>Island {component}: {count} blocks, {population} residents, blocks {ids}</source>
            <translation>Insel {component}: {count} Blöcke, {population} Einwohner, Blöcke {ids}</translation>
        </message>
        <message>
            <source>Island {component}: {count} blocks, blocks {ids}</source>
            <translation>Insel {component}: {count} Blöcke, Blöcke {ids}</translation>
        </message>
        <message>
            <source>{blocks} blocks, {links} links, {components} connected components, {islands} islands.</source>
            <translation>{blocks} Blöcke, {links} Verbindungen, {components} Zusammenhangskomponenten, {islands} Inseln.</translation>
        </message>
        <message>
            <source>Links removed: {barrier} crossing a barrier, {nest} between nesting units, {rook} corner-only (rook).</source>
            <translation>Entfernte Verbindungen: {barrier} über eine Barriere, {nest} zwischen Verschachtelungseinheiten, {rook} nur über Eck (Turm).</translation>
        </message>
        <message>
            <source>Queen (any contact)</source>
            <translation>Dame (jede Berührung)</translation>
        </message>
        <message>
            <source>Rook (shared frontage)</source>
            <translation>Turm (gemeinsame Front)</translation>
        </message>
        <message>
            <source>The id field '{field}' is empty for {count} blocks (feature numbers {features}).</source>
            <translation>Das ID-Feld '{field}' ist bei {count} Blöcken leer (Objektnummern {features}).</translation>
        </message>
        <message>
            <source>{count} blocks have no usable polygon geometry and were skipped: {ids}</source>
            <translation>{count} Blöcke haben keine verwendbare Polygongeometrie und wurden übersprungen: {ids}</translation>
        </message>
        <message>
            <source>{count} invalid geometries were repaired: {ids}</source>
            <translation>{count} ungültige Geometrien wurden repariert: {ids}</translation>
        </message>
        <message>
            <source>Cancelled by the user.</source>
            <translation>Vom Benutzer abgebrochen.</translation>
        </message>
        <message>
            <source>The id field has duplicate values: {values}. Choose a field with one value per block.</source>
            <translation>Das ID-Feld hat doppelte Werte: {values}. Wählen Sie ein Feld mit einem eigenen Wert je Block.</translation>
        </message>
        <message>
            <source>Parameter {name} = {value}: {reason}</source>
            <translation>Parameter {name} = {value}: {reason}</translation>
        </message>
        <message>
            <source>The layer is in a geographic CRS ({crs}); distances are measured in {work}.</source>
            <translation>Der Layer liegt in einem geographischen KBS ({crs}); Abstände werden in {work} gemessen.</translation>
        </message>
        <message>
            <source>Barrier layer '{name}' ({crs}) is transformed to {work}.</source>
            <translation>Der Barrierelayer '{name}' ({crs}) wird nach {work} transformiert.</translation>
        </message>
        <message>
            <source>Load sample town (Musterstadt)</source>
            <translation>Beispielstadt laden (Musterstadt)</translation>
        </message>
        <message>
            <source>&amp;Sozialraum</source>
            <translation>&amp;Sozialraum</translation>
        </message>
        <message>
            <source>Sozialraum: social spaces for municipal planning</source>
            <translation>Sozialraum: Sozialräume für die kommunale Planung</translation>
        </message>
        <message>
            <source>Algorithm '{name}' is not available: install the Python package(s) {packages}.</source>
            <translation>Der Algorithmus '{name}' ist nicht verfügbar: Installieren Sie das Python-Paket bzw. die Pakete {packages}.</translation>
        </message>
        <message>
            <source>Field '{field}' has negative values for {count} blocks: {ids}</source>
            <translation>Das Feld '{field}' hat bei {count} Blöcken negative Werte: {ids}</translation>
        </message>
    </context>
</TS>
