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
            <translation type="obsolete">Bildet den Nachbarschaftsgraphen der Blöcke, den die Abgrenzung und die Bearbeitung verwenden.

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
            <translation type="obsolete">Das ID-Feld '{field}' ist bei {count} Blöcken leer (Objektnummern {features}).</translation>
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
        <message>
            <source>Builds the neighbourhood graph of blocks that delineation and editing use.

Two blocks are neighbours when they touch or lie within the gap distance of each other, so that blocks facing each other across a street count as neighbours. They are not neighbours when the shortest link between them crosses a barrier line (railway, river, major road), or when they have different values in the nesting field.

Queen contiguity accepts any contact; rook contiguity requires the blocks to face each other along at least 10 m, so blocks meeting only corner to corner across a crossing are not neighbours.

Outputs: the links as lines (from/to id, gap in metres, shared or facing length in metres) and the blocks with their number of neighbours (degree), connected part (component 0 is the most populated) and an island flag. Islands are parts cut off from the main part of their nesting unit with fewer residents than the island threshold (without a population field: every part outside the main one); parts larger than that, such as a district across the river, are not islands. The log lists every part and every island with its population.

Layers in a geographic CRS are measured in the UTM zone of their centre, so distances stay in metres. Invalid geometries are repaired, empty ones skipped; both are named in the log.</source>
            <translation>Bildet den Nachbarschaftsgraphen der Blöcke, den die Abgrenzung und die Bearbeitung verwenden.

Zwei Blöcke sind Nachbarn, wenn sie sich berühren oder höchstens den Lückenabstand voneinander entfernt liegen, sodass Blöcke, die sich über eine Straße hinweg gegenüberliegen, als Nachbarn gelten. Sie sind keine Nachbarn, wenn die kürzeste Verbindung zwischen ihnen eine Barrierelinie (Bahnlinie, Fluss, Hauptverkehrsstraße) kreuzt oder wenn sie im Verschachtelungsfeld verschiedene Werte haben.

Die Dame-Nachbarschaft (Queen) akzeptiert jede Berührung; die Turm-Nachbarschaft (Rook) verlangt, dass sich die Blöcke auf mindestens 10 m gegenüberliegen, sodass Blöcke, die sich an einer Kreuzung nur über Eck begegnen, keine Nachbarn sind.

Ausgaben: die Verbindungen als Linien (Von-/Bis-ID, Lücke in Metern, gemeinsame oder gegenüberliegende Länge in Metern) und die Blöcke mit ihrer Zahl der Nachbarn (Grad), ihrem zusammenhängenden Teil (Komponente 0 ist der einwohnerstärkste) und einer Inselmarkierung. Inseln sind Teile, die vom Hauptteil ihrer Verschachtelungseinheit abgeschnitten sind und weniger Einwohner als die Inselschwelle haben (ohne Einwohnerfeld: jeder Teil außerhalb des Hauptteils); größere Teile, etwa ein Stadtteil jenseits des Flusses, sind keine Inseln. Das Protokoll nennt jeden Teil und jede Insel mit ihrer Einwohnerzahl.

Layer in einem geographischen KBS werden in der UTM-Zone ihres Mittelpunkts gemessen, sodass Abstände in Metern bleiben. Ungültige Geometrien werden repariert, leere übersprungen; beide werden im Protokoll genannt.</translation>
        </message>
        <message>
            <source>Island threshold: parts with fewer residents are islands</source>
            <translation>Inselschwelle: Teile mit weniger Einwohnern sind Inseln</translation>
        </message>
        <message>
            <source>Part {component}: {count} blocks, {population} residents</source>
            <translation>Teil {component}: {count} Blöcke, {population} Einwohner</translation>
        </message>
        <message>
            <source>Part {component}: {count} blocks</source>
            <translation>Teil {component}: {count} Blöcke</translation>
        </message>
        <message>
            <source>Propose social spaces</source>
            <translation>Sozialräume vorschlagen</translation>
        </message>
        <message>
            <source>Social spaces</source>
            <translation>Sozialräume</translation>
        </message>
        <message>
            <source>Groups blocks into contiguous social spaces that are internally alike in the chosen attributes (social indicators and building structure), with every space's population between the minimum and the maximum.

Attributes are standardised (z-scores) and weighted (WEIGHTS, e.g. 'sgb2_rate=2;old_share=0.5'); with 'balance groups', the building-structure attributes together get the same weight as the social ones. Use rates or shares (e.g. SGB II rate), not raw counts, unless size should matter.

Number of spaces: 0 chooses it automatically as population / middle of the population band, within what the bounds allow in each part of the town; the log says how it was chosen.

Neighbourhood: as in 'Build block adjacency' (gap distance across streets, barrier lines cut links, blocks in different nesting units are never in one space). Initial division: a field with an existing division to start from; locked spaces (comma-separated values of that field) stay exactly as they are. Compactness &gt; 0 favours shorter space boundaries.

If the bounds cannot hold (a block above the maximum, a part cut off by barriers with fewer residents than the minimum, an impossible number of spaces) the algorithm either stops with a message naming the blocks, or applies the fallback: such a block becomes its own space, an island joins its nearest block; these spaces are flagged in the output.

Outputs: the blocks with space_id, the dissolved spaces (population, blocks, SSD, Polsby-Popper compactness, status ok/below/above/flagged/locked) and an optional HTML report. The same seed gives the same result.</source>
            <translation type="obsolete">Fasst Blöcke zu zusammenhängenden Sozialräumen zusammen, die in den gewählten Merkmalen (Sozialindikatoren und Bebauungsstruktur) in sich ähnlich sind und deren Einwohnerzahl jeweils zwischen Minimum und Maximum liegt.

Die Merkmale werden standardisiert (z-Werte) und gewichtet (WEIGHTS, z. B. 'sgb2_rate=2;old_share=0.5'); mit 'Gruppen ausgleichen' erhalten die Merkmale der Bebauungsstruktur zusammen dasselbe Gewicht wie die sozialen. Verwenden Sie Quoten oder Anteile (z. B. SGB-II-Quote), keine absoluten Zahlen, außer die Größe soll zählen.

Zahl der Räume: 0 wählt sie automatisch als Einwohnerzahl / Mitte der Einwohnerspanne, soweit die Grenzen es in jedem Teil der Stadt zulassen; das Protokoll nennt die Wahl.

Nachbarschaft: wie in 'Blocknachbarschaft bilden' (Lückenabstand über Straßen, Barrierelinien trennen Verbindungen, Blöcke verschiedener Verschachtelungseinheiten liegen nie in einem Raum). Ausgangsgliederung: ein Feld mit einer bestehenden Gliederung als Start; gesperrte Räume (kommagetrennte Werte dieses Feldes) bleiben genau so, wie sie sind. Kompaktheit &gt; 0 bevorzugt kürzere Raumgrenzen.

Wenn die Grenzen nicht einzuhalten sind (ein Block über dem Maximum, ein durch Barrieren abgeschnittener Teil mit weniger Einwohnern als dem Minimum, eine unmögliche Zahl von Räumen), bricht der Algorithmus entweder mit einer Meldung ab, die die Blöcke nennt, oder wendet die Ersatzlösung an: Ein solcher Block wird ein eigener Raum, eine Insel schließt sich ihrem nächsten Block an; diese Räume werden in der Ausgabe markiert.

Ausgaben: die Blöcke mit space_id, die zusammengeführten Räume (Einwohner, Blöcke, SSD, Kompaktheit nach Polsby-Popper, Status ok/below/above/flagged/locked) und ein optionaler HTML-Bericht. Derselbe Startwert liefert dasselbe Ergebnis.</translation>
        </message>
        <message>
            <source>Reading blocks</source>
            <translation>Blöcke lesen</translation>
        </message>
        <message>
            <source>Building block adjacency</source>
            <translation>Blocknachbarschaft bilden</translation>
        </message>
        <message>
            <source>Proposing social spaces</source>
            <translation>Sozialräume vorschlagen</translation>
        </message>
        <message>
            <source>Writing the results</source>
            <translation>Ergebnisse schreiben</translation>
        </message>
        <message>
            <source>Population field</source>
            <translation>Einwohnerfeld</translation>
        </message>
        <message>
            <source>Attributes for homogeneity (numeric fields)</source>
            <translation>Merkmale für die Homogenität (numerische Felder)</translation>
        </message>
        <message>
            <source>Attribute weights (field=weight;...)</source>
            <translation>Gewichte der Merkmale (Feld=Gewicht;...)</translation>
        </message>
        <message>
            <source>Attributes that describe building structure</source>
            <translation>Merkmale der Bebauungsstruktur</translation>
        </message>
        <message>
            <source>Give social and building-structure attributes equal total weight</source>
            <translation>Sozialen Merkmalen und Merkmalen der Bebauungsstruktur dasselbe Gesamtgewicht geben</translation>
        </message>
        <message>
            <source>Minimum population per space</source>
            <translation>Mindesteinwohnerzahl je Raum</translation>
        </message>
        <message>
            <source>Maximum population per space</source>
            <translation>Höchsteinwohnerzahl je Raum</translation>
        </message>
        <message>
            <source>Number of spaces (0 = automatic)</source>
            <translation>Zahl der Räume (0 = automatisch)</translation>
        </message>
        <message>
            <source>Nesting field (spaces stay inside its units)</source>
            <translation>Verschachtelungsfeld (Räume bleiben innerhalb seiner Einheiten)</translation>
        </message>
        <message>
            <source>Initial division (field with existing spaces)</source>
            <translation>Ausgangsgliederung (Feld mit bestehenden Räumen)</translation>
        </message>
        <message>
            <source>Locked spaces (values of the initial division, comma-separated)</source>
            <translation>Gesperrte Räume (Werte der Ausgangsgliederung, kommagetrennt)</translation>
        </message>
        <message>
            <source>Compactness weight (0 = homogeneity only)</source>
            <translation>Gewicht der Kompaktheit (0 = nur Homogenität)</translation>
        </message>
        <message>
            <source>Random seed</source>
            <translation>Zufallsstartwert</translation>
        </message>
        <message>
            <source>When the bounds cannot hold</source>
            <translation>Wenn die Grenzen nicht einzuhalten sind</translation>
        </message>
        <message>
            <source>Blocks with space</source>
            <translation>Blöcke mit Raum</translation>
        </message>
        <message>
            <source>Report</source>
            <translation>Bericht</translation>
        </message>
        <message>
            <source>HTML files (*.html)</source>
            <translation>HTML-Dateien (*.html)</translation>
        </message>
        <message>
            <source>Number of spaces</source>
            <translation>Zahl der Räume</translation>
        </message>
        <message>
            <source>Within sum of squares / total sum of squares</source>
            <translation>Quadratsumme innerhalb / gesamte Quadratsumme</translation>
        </message>
        <message>
            <source>Spaces below the minimum</source>
            <translation>Räume unter dem Minimum</translation>
        </message>
        <message>
            <source>Spaces above the maximum</source>
            <translation>Räume über dem Maximum</translation>
        </message>
        <message>
            <source>Flagged spaces</source>
            <translation type="obsolete">Markierte Räume</translation>
        </message>
        <message>
            <source>Choose at least one attribute for homogeneity.</source>
            <translation>Wählen Sie mindestens ein Merkmal für die Homogenität.</translation>
        </message>
        <message>
            <source>Locked spaces need an initial division field.</source>
            <translation>Gesperrte Räume brauchen ein Feld mit der Ausgangsgliederung.</translation>
        </message>
        <message>
            <source>{k} spaces, SSD share {share:.3f}, population {low:.0f} to {high:.0f}; {below} below the minimum, {above} above the maximum, {flagged} flagged.</source>
            <translation type="obsolete">{k} Räume, SSD-Anteil {share:.3f}, Einwohner {low:.0f} bis {high:.0f}; {below} unter dem Minimum, {above} über dem Maximum, {flagged} markiert.</translation>
        </message>
        <message>
            <source>To balance the groups, choose which attributes describe building structure.</source>
            <translation>Um die Gruppen auszugleichen, wählen Sie die Merkmale der Bebauungsstruktur.</translation>
        </message>
        <message>
            <source>Use the fallback and flag the spaces</source>
            <translation>Ersatzlösung anwenden und die Räume markieren</translation>
        </message>
        <message>
            <source>Stop with a message</source>
            <translation>Mit einer Meldung abbrechen</translation>
        </message>
        <message>
            <source>The minimum population ({lower}) must be below the maximum ({upper}).</source>
            <translation>Die Mindesteinwohnerzahl ({lower}) muss unter der Höchsteinwohnerzahl ({upper}) liegen.</translation>
        </message>
        <message>
            <source>{count} blocks have no population value and count as 0: {ids}</source>
            <translation type="obsolete">{count} Blöcke haben keine Einwohnerzahl und zählen als 0: {ids}</translation>
        </message>
        <message>
            <source>Proposed social spaces</source>
            <translation type="obsolete">Vorgeschlagene Sozialräume</translation>
        </message>
        <message>
            <source>Attribute '{field}' has the same value for every block and has no influence.</source>
            <translation>Das Merkmal '{field}' hat in jedem Block denselben Wert und daher keinen Einfluss.</translation>
        </message>
        <message>
            <source>The population bounds cannot hold: {problems} Change the bounds, the barriers or the number of spaces, or choose the fallback.</source>
            <translation>Die Einwohnergrenzen sind nicht einzuhalten: {problems} Ändern Sie die Grenzen, die Barrieren oder die Zahl der Räume, oder wählen Sie die Ersatzlösung.</translation>
        </message>
        <message>
            <source>en</source>
            <translation type="obsolete">de</translation>
        </message>
        <message>
            <source>Attribute '{field}' is empty for {count} blocks (e.g. without residents); they count as average: {ids}</source>
            <translation type="obsolete">Das Merkmal '{field}' ist bei {count} Blöcken leer (z. B. ohne Einwohner); sie zählen als Durchschnitt: {ids}</translation>
        </message>
        <message>
            <source>Block {id} has {population} residents, more than the maximum.</source>
            <translation>Block {id} hat {population} Einwohner, mehr als das Maximum.</translation>
        </message>
        <message>
            <source>A part cut off by barriers or nesting has only {population} residents, fewer than the minimum ({count} blocks: {ids}).</source>
            <translation type="obsolete">Ein durch Barrieren oder Verschachtelung abgeschnittener Teil hat nur {population} Einwohner, weniger als das Minimum ({count} Blöcke: {ids}).</translation>
        </message>
        <message>
            <source>{requested} spaces cannot all lie within the population bounds; possible are {low} to {high}.</source>
            <translation>{requested} Räume können nicht alle innerhalb der Einwohnergrenzen liegen; möglich sind {low} bis {high}.</translation>
        </message>
        <message>
            <source>A part with {population} residents ({count} blocks: {ids}) cannot be divided into spaces within the population bounds.</source>
            <translation type="obsolete">Ein Teil mit {population} Einwohnern ({count} Blöcke: {ids}) lässt sich nicht in Räume innerhalb der Einwohnergrenzen teilen.</translation>
        </message>
        <message>
            <source>Island of {count} blocks ({population} residents: {ids}) joined to its nearest block {anchor}.</source>
            <translation type="obsolete">Insel aus {count} Blöcken ({population} Einwohner: {ids}) an ihren nächsten Block {anchor} angeschlossen.</translation>
        </message>
        <message>
            <source>Number of spaces chosen automatically: {k} (population {population} / target size {target}, within what the bounds allow in each part).</source>
            <translation>Zahl der Räume automatisch gewählt: {k} (Einwohner {population} / Zielgröße {target}, soweit die Grenzen es in jedem Teil zulassen).</translation>
        </message>
        <message>
            <source>Number of spaces: {k} (requested {requested}).</source>
            <translation>Zahl der Räume: {k} (verlangt {requested}).</translation>
        </message>
        <message>
            <source>Locked space '{value}' does not occur in the initial division.</source>
            <translation>Der gesperrte Raum '{value}' kommt in der Ausgangsgliederung nicht vor.</translation>
        </message>
        <message>
            <source>Spaces</source>
            <translation>Räume</translation>
        </message>
        <message>
            <source>Blocks assigned</source>
            <translation>Zugeordnete Blöcke</translation>
        </message>
        <message>
            <source>Blocks without a space</source>
            <translation>Blöcke ohne Raum</translation>
        </message>
        <message>
            <source>Minimum population</source>
            <translation>Mindesteinwohnerzahl</translation>
        </message>
        <message>
            <source>Maximum population</source>
            <translation>Höchsteinwohnerzahl</translation>
        </message>
        <message>
            <source>Within-space sum of squares (SSD)</source>
            <translation>Quadratsumme innerhalb der Räume (SSD)</translation>
        </message>
        <message>
            <source>Between-space sum of squares</source>
            <translation>Quadratsumme zwischen den Räumen</translation>
        </message>
        <message>
            <source>Total sum of squares</source>
            <translation>Gesamte Quadratsumme</translation>
        </message>
        <message>
            <source>SSD share (SSD / total; lower is more homogeneous)</source>
            <translation>SSD-Anteil (SSD / gesamt; kleiner ist homogener)</translation>
        </message>
        <message>
            <source>Smallest space (population)</source>
            <translation>Kleinster Raum (Einwohner)</translation>
        </message>
        <message>
            <source>Median space (population)</source>
            <translation>Mittlerer Raum (Median, Einwohner)</translation>
        </message>
        <message>
            <source>Largest space (population)</source>
            <translation>Größter Raum (Einwohner)</translation>
        </message>
        <message>
            <source>Spaces not contiguous</source>
            <translation>Nicht zusammenhängende Räume</translation>
        </message>
        <message>
            <source>Barrier crossings inside spaces</source>
            <translation>Barrierequerungen innerhalb von Räumen</translation>
        </message>
        <message>
            <source>Mean compactness (Polsby-Popper)</source>
            <translation>Mittlere Kompaktheit (Polsby-Popper)</translation>
        </message>
        <message>
            <source>Spaces spanning more than one unit</source>
            <translation>Räume über mehr als eine Einheit</translation>
        </message>
        <message>
            <source>Space</source>
            <translation>Raum</translation>
        </message>
        <message>
            <source>Population</source>
            <translation>Einwohner</translation>
        </message>
        <message>
            <source>SSD</source>
            <translation>SSD</translation>
        </message>
        <message>
            <source>Status</source>
            <translation>Status</translation>
        </message>
        <message>
            <source>Contiguous</source>
            <translation>Zusammenhängend</translation>
        </message>
        <message>
            <source>Parts</source>
            <translation>Teile</translation>
        </message>
        <message>
            <source>Barrier crossings</source>
            <translation>Barrierequerungen</translation>
        </message>
        <message>
            <source>Polsby-Popper</source>
            <translation>Polsby-Popper</translation>
        </message>
        <message>
            <source>Units</source>
            <translation>Einheiten</translation>
        </message>
        <message>
            <source>Summary</source>
            <translation>Übersicht</translation>
        </message>
        <message>
            <source>Parameters</source>
            <translation>Parameter</translation>
        </message>
        <message>
            <source>Notes</source>
            <translation>Hinweise</translation>
        </message>
        <message>
            <source>Parameter</source>
            <translation>Parameter</translation>
        </message>
        <message>
            <source>Value</source>
            <translation>Wert</translation>
        </message>
        <message>
            <source>Measure</source>
            <translation>Kennzahl</translation>
        </message>
        <message>
            <source>yes</source>
            <translation>ja</translation>
        </message>
        <message>
            <source>no</source>
            <translation>nein</translation>
        </message>
        <message>
            <source>not computed</source>
            <translation>nicht berechnet</translation>
        </message>
        <message>
            <source>Highlighted: spaces outside the population bounds or not contiguous.</source>
            <translation>Hervorgehoben: Räume außerhalb der Einwohnergrenzen oder nicht zusammenhängend.</translation>
        </message>
        <message>
            <source>Unassigned blocks (first 50)</source>
            <translation>Blöcke ohne Raum (die ersten 50)</translation>
        </message>
        <message>
            <source>ok</source>
            <translation>ok</translation>
        </message>
        <message>
            <source>below</source>
            <translation>unter dem Minimum</translation>
        </message>
        <message>
            <source>above</source>
            <translation>über dem Maximum</translation>
        </message>
        <message>
            <source>flagged</source>
            <translation>markiert</translation>
        </message>
        <message>
            <source>locked</source>
            <translation>gesperrt</translation>
        </message>
        <message>
            <source>Evaluate a division</source>
            <translation>Gliederung bewerten</translation>
        </message>
        <message>
            <source>Scores an existing division of blocks into spaces (a field with the space of each block) with the same rules as 'Propose social spaces': homogeneity as the share of the within-space sum of squares in the total (SSD share; attributes standardised and weighted as there), population per space against the minimum and maximum, contiguity (spaces in several parts), barrier crossings inside spaces, compactness (Polsby-Popper, street gaps closed) and spaces spanning more than one unit of the nesting field.

Outputs: one feature per space with its scores, and an HTML report with the summary and the table of spaces. Blocks without a space value are counted and listed.</source>
            <translation type="obsolete">Bewertet eine bestehende Gliederung von Blöcken in Räume (ein Feld mit dem Raum jedes Blocks) nach denselben Regeln wie 'Sozialräume vorschlagen': Homogenität als Anteil der Quadratsumme innerhalb der Räume an der gesamten (SSD-Anteil; Merkmale standardisiert und gewichtet wie dort), Einwohner je Raum gegenüber Minimum und Maximum, Zusammenhang (Räume aus mehreren Teilen), Barrierequerungen innerhalb von Räumen, Kompaktheit (Polsby-Popper, Straßenlücken geschlossen) und Räume über mehr als eine Einheit des Verschachtelungsfeldes.

Ausgaben: ein Objekt je Raum mit seinen Kennzahlen und ein HTML-Bericht mit Übersicht und Raumtabelle. Blöcke ohne Raumwert werden gezählt und aufgeführt.</translation>
        </message>
        <message>
            <source>Space field</source>
            <translation>Raumfeld</translation>
        </message>
        <message>
            <source>Scored spaces</source>
            <translation>Bewertete Räume</translation>
        </message>
        <message>
            <source>{k} spaces, SSD share {share:.3f}; {below} below the minimum, {above} above the maximum, {parts} not contiguous, {crossings} barrier crossings, {nesting} spanning several units.</source>
            <translation type="obsolete">{k} Räume, SSD-Anteil {share:.3f}; {below} unter dem Minimum, {above} über dem Maximum, {parts} nicht zusammenhängend, {crossings} Barrierequerungen, {nesting} über mehrere Einheiten.</translation>
        </message>
        <message>
            <source>{count} blocks have no space: {ids}</source>
            <translation>{count} Blöcke haben keinen Raum: {ids}</translation>
        </message>
        <message>
            <source>Evaluation of a division</source>
            <translation type="obsolete">Bewertung einer Gliederung</translation>
        </message>
        <message>
            <source>Push indicators to spaces</source>
            <translation>Indikatoren auf Sozialräume übertragen</translation>
        </message>
        <message>
            <source>Indicators</source>
            <translation>Indikatoren</translation>
        </message>
        <message>
            <source>Computes every indicator of the catalogue for each social space from the blocks' counts: numerators and denominators are summed over the blocks of a space, then divided (rates are never averaged). The catalogue is a CSV file you can edit (see docs/catalogue.md); empty uses the sample town's. The field area_m2 is taken from the block geometry when the layer has none.

Confidentiality (default on): counts from 1 to the minimum number of cases minus 1 are suppressed, further cells are suppressed so that no hidden value can be recovered as a total minus the published values, every rate of a hidden count is hidden, and spaces with fewer residents than the minimum get no rates. Optionally counts are rounded to multiples of 3 (totals stay true). Suppressed values are NULL in the layers and '.' in exports and the report; the field 'suppressed' lists them, 'notes' says why other values are NULL (e.g. a denominator of 0).

Outputs: one feature per space (dissolved blocks) with every indicator (field names are the indicator ids, aliases their labels), the municipal total as a table, an optional HTML report and optional CSV and Excel (XLSX) tables with the labels in the chosen language.</source>
            <translation>Berechnet jeden Indikator des Katalogs für jeden Sozialraum aus den Zählwerten der Blöcke: Zähler und Nenner werden über die Blöcke eines Raums summiert und erst dann geteilt (Quoten werden nie gemittelt). Der Katalog ist eine bearbeitbare CSV-Datei (siehe docs/catalogue.md); leer bedeutet den Katalog der Musterstadt. Das Feld area_m2 wird aus der Blockgeometrie berechnet, wenn der Layer keines hat.

Geheimhaltung (standardmäßig an): Fallzahlen von 1 bis Mindestfallzahl minus 1 werden gesperrt, weitere Zellen werden gesperrt, damit kein gesperrter Wert als Summe minus veröffentlichte Werte zurückgerechnet werden kann, jede Quote aus einer gesperrten Fallzahl wird gesperrt, und Räume mit weniger Einwohnern als dem Minimum erhalten keine Quoten. Wahlweise werden Fallzahlen auf Vielfache von 3 gerundet (Summen bleiben wahr). Gesperrte Werte sind in den Layern NULL und in Exporten und Bericht '.'; das Feld 'suppressed' nennt sie, 'notes' sagt, warum andere Werte NULL sind (z. B. Nenner 0).

Ausgaben: ein Objekt je Sozialraum (zusammengefasste Blöcke) mit jedem Indikator (Feldnamen sind die Indikator-IDs, Aliasse ihre Bezeichnungen), die Gesamtstadt als Tabelle, ein optionaler HTML-Bericht und optionale CSV- und Excel-Tabellen (XLSX) mit Bezeichnungen in der gewählten Sprache.</translation>
        </message>
        <message>
            <source>Summing the indicators</source>
            <translation>Indikatoren werden summiert</translation>
        </message>
        <message>
            <source>Read NULL values as 0</source>
            <translation>NULL-Werte als 0 lesen</translation>
        </message>
        <message>
            <source>Close street gaps in the space outlines up to (m)</source>
            <translation>Straßenlücken in den Raumumrissen schließen bis (m)</translation>
        </message>
        <message>
            <source>Spaces with indicators</source>
            <translation>Sozialräume mit Indikatoren</translation>
        </message>
        <message>
            <source>Municipal total</source>
            <translation>Gesamtstadt</translation>
        </message>
        <message>
            <source>Indicator table (CSV)</source>
            <translation>Indikatorentabelle (CSV)</translation>
        </message>
        <message>
            <source>CSV files (*.csv)</source>
            <translation>CSV-Dateien (*.csv)</translation>
        </message>
        <message>
            <source>Indicator table (Excel)</source>
            <translation>Indikatorentabelle (Excel)</translation>
        </message>
        <message>
            <source>Excel files (*.xlsx)</source>
            <translation>Excel-Dateien (*.xlsx)</translation>
        </message>
        <message>
            <source>Suppressed values</source>
            <translation>Gesperrte Werte</translation>
        </message>
        <message>
            <source>NULL values for other reasons</source>
            <translation>NULL-Werte aus anderen Gründen</translation>
        </message>
        <message>
            <source>Written: {file}</source>
            <translation>Geschrieben: {file}</translation>
        </message>
        <message>
            <source>{spaces} spaces, {indicators} indicators from {blocks} blocks in {seconds:.1f} s.</source>
            <translation type="obsolete">{spaces} Sozialräume, {indicators} Indikatoren aus {blocks} Blöcken in {seconds:.1f} s.</translation>
        </message>
        <message>
            <source>{count} blocks have no space; they count for the municipal total only: {ids}</source>
            <translation>{count} Blöcke haben keinen Sozialraum; sie zählen nur für die Gesamtstadt: {ids}</translation>
        </message>
        <message>
            <source>Space {space}: '{indicator}' is NULL because {reason}.</source>
            <translation>Sozialraum {space}: '{indicator}' ist NULL, weil {reason}.</translation>
        </message>
        <message>
            <source>Indicators of the social spaces</source>
            <translation>Indikatoren der Sozialräume</translation>
        </message>
        <message>
            <source>Compare two divisions</source>
            <translation>Zwei Gliederungen vergleichen</translation>
        </message>
        <message>
            <source>Compares two divisions of the same blocks, e.g. the draft and the adopted social spaces, or the old and the new division: which blocks moved from which space to which, how many residents moved, how much of each space's population is kept, and the adjusted Rand index (1 = identical divisions; computed over blocks and over residents).

Spaces are paired by their names when both fields share names (the usual revision); otherwise each new space is paired with the old space it shares the most residents with. Blocks without a value count as '(none)'.

Outputs: the blocks that moved (from, to, population), the table old x new with the residents in each combination, and an HTML report for a council document (in German when QGIS runs in German).</source>
            <translation>Vergleicht zwei Gliederungen derselben Blöcke, z. B. den Entwurf und die beschlossenen Sozialräume oder die alte und die neue Gliederung: welche Blöcke von welchem Raum in welchen wechseln, wie viele Einwohner wechseln, wie viel der Bevölkerung jedes Raums erhalten bleibt, und den bereinigten Rand-Index (1 = identische Gliederungen; nach Blöcken und nach Einwohnern).

Räume werden über ihre Namen zugeordnet, wenn beide Felder dieselben Namen verwenden (die übliche Fortschreibung); sonst wird jedem neuen Raum der alte Raum zugeordnet, mit dem er die meisten Einwohner teilt. Blöcke ohne Wert zählen als '(none)'.

Ausgaben: die gewechselten Blöcke (von, nach, Einwohner), die Tabelle alt x neu mit den Einwohnern jeder Kombination und ein HTML-Bericht für eine Ratsvorlage (auf Deutsch, wenn QGIS auf Deutsch läuft).</translation>
        </message>
        <message>
            <source>Comparison of two divisions</source>
            <translation>Vergleich zweier Gliederungen</translation>
        </message>
        <message>
            <source>Old division (space field)</source>
            <translation>Alte Gliederung (Raumfeld)</translation>
        </message>
        <message>
            <source>New division (space field)</source>
            <translation>Neue Gliederung (Raumfeld)</translation>
        </message>
        <message>
            <source>Moved blocks</source>
            <translation>Gewechselte Blöcke</translation>
        </message>
        <message>
            <source>Old x new overlap</source>
            <translation>Überschneidung alt x neu</translation>
        </message>
        <message>
            <source>Adjusted Rand index (blocks)</source>
            <translation>Bereinigter Rand-Index (Blöcke)</translation>
        </message>
        <message>
            <source>Adjusted Rand index (residents)</source>
            <translation>Bereinigter Rand-Index (Einwohner)</translation>
        </message>
        <message>
            <source>Blocks moved</source>
            <translation>Gewechselte Blöcke</translation>
        </message>
        <message>
            <source>Population moved</source>
            <translation>Gewechselte Einwohner</translation>
        </message>
        <message>
            <source>Share of the population moved</source>
            <translation>Anteil der gewechselten Einwohner</translation>
        </message>
        <message>
            <source>From</source>
            <translation>Von</translation>
        </message>
        <message>
            <source>To</source>
            <translation>Nach</translation>
        </message>
        <message>
            <source>New space</source>
            <translation>Neuer Sozialraum</translation>
        </message>
        <message>
            <source>Paired old space</source>
            <translation>Zugeord­neter alter Sozial­raum</translation>
        </message>
        <message>
            <source>Population kept</source>
            <translation>Verblie­bene Ein­woh­ner</translation>
        </message>
        <message>
            <source>Population gained</source>
            <translation>Hinzu­gekom­mene Ein­woh­ner</translation>
        </message>
        <message>
            <source>Unchanged</source>
            <translation>Unverändert</translation>
        </message>
        <message>
            <source>Moves between spaces</source>
            <translation>Wechsel zwischen Sozialräumen</translation>
        </message>
        <message>
            <source>New spaces</source>
            <translation>Neue Sozialräume</translation>
        </message>
        <message>
            <source>Residents by old and new space</source>
            <translation>Einwohner nach altem und neuem Sozialraum</translation>
        </message>
        <message>
            <source>Input</source>
            <translation>Eingabe</translation>
        </message>
        <message>
            <source>Comparing divisions needs the Python package scikit-learn.</source>
            <translation type="obsolete">Der Vergleich von Gliederungen braucht das Python-Paket scikit-learn.</translation>
        </message>
        <message>
            <source>Spaces before</source>
            <translation>Sozialräume vorher</translation>
        </message>
        <message>
            <source>Spaces after</source>
            <translation>Sozialräume nachher</translation>
        </message>
        <message>
            <source>Spaces unchanged</source>
            <translation>Unveränderte Sozialräume</translation>
        </message>
        <message>
            <source>new</source>
            <translation>neu</translation>
        </message>
        <message>
            <source>The field '{field}' is not in the layer.</source>
            <translation>Das Feld '{field}' ist nicht im Layer.</translation>
        </message>
        <message>
            <source>No block changes its space.</source>
            <translation>Kein Block wechselt den Sozialraum.</translation>
        </message>
        <message>
            <source>'.' = suppressed for confidentiality, 'x' = cannot be computed (e.g. the denominator is 0). Rates are computed from summed counts, never averaged.</source>
            <translation>'.' = aus Gründen der Geheimhaltung unterdrückt, 'x' = nicht berechenbar (z. B. Nenner 0). Quoten werden aus summierten Fallzahlen berechnet, nie gemittelt.</translation>
        </message>
        <message>
            <source>Indicator catalogue (CSV; empty: the catalogue of the sample town)</source>
            <translation>Indikatorenkatalog (CSV; leer: Katalog der Musterstadt)</translation>
        </message>
        <message>
            <source>Statistical confidentiality (suppress small counts)</source>
            <translation>Statistische Geheimhaltung (kleine Fallzahlen sperren)</translation>
        </message>
        <message>
            <source>Minimum number of cases (counts from 1 to this minus 1 are suppressed)</source>
            <translation>Mindestfallzahl (Fallzahlen von 1 bis zu dieser minus 1 werden gesperrt)</translation>
        </message>
        <message>
            <source>Round counts of the spaces to multiples of 3 (totals stay true)</source>
            <translation>Fallzahlen der Sozialräume auf Vielfache von 3 runden (Summen bleiben wahr)</translation>
        </message>
        <message>
            <source>No rates for spaces with fewer residents than</source>
            <translation>Keine Quoten für Sozialräume mit weniger Einwohnern als</translation>
        </message>
        <message>
            <source>Population field (for the minimum population)</source>
            <translation>Einwohnerfeld (für die Mindesteinwohnerzahl)</translation>
        </message>
        <message>
            <source>Language of labels, reports and exports</source>
            <translation>Sprache der Bezeichnungen, Berichte und Exporte</translation>
        </message>
        <message>
            <source>Choose the population field, or set the minimum population for rates to 0.</source>
            <translation>Wählen Sie das Einwohnerfeld oder setzen Sie die Mindesteinwohnerzahl für Quoten auf 0.</translation>
        </message>
        <message>
            <source>Counts of the spaces are rounded to multiples of 3; the municipal total keeps the true totals.</source>
            <translation>Fallzahlen der Sozialräume werden auf Vielfache von 3 gerundet; die Gesamtstadt behält die wahren Summen.</translation>
        </message>
        <message>
            <source>Settings</source>
            <translation>Einstellungen</translation>
        </message>
        <message>
            <source>Indicator catalogue</source>
            <translation>Indikatorenkatalog</translation>
        </message>
        <message>
            <source>Minimum number of cases</source>
            <translation>Mindestfallzahl</translation>
        </message>
        <message>
            <source>The catalogue file {file} does not exist.</source>
            <translation>Die Katalogdatei {file} existiert nicht.</translation>
        </message>
        <message>
            <source>Language of the user interface</source>
            <translation>Sprache der Benutzeroberfläche</translation>
        </message>
        <message>
            <source>The field '{field}' is taken from the block geometry (m² in {crs}).</source>
            <translation>Das Feld '{field}' wird aus der Blockgeometrie berechnet (m² in {crs}).</translation>
        </message>
        <message>
            <source>Confidentiality: {primary} cells suppressed below {minimum} cases, {secondary} more so they cannot be recovered from totals, {derived} values computed from hidden counts, {small} rates of spaces under {population} residents.</source>
            <translation>Geheimhaltung: {primary} Zellen unter {minimum} Fällen gesperrt, {secondary} weitere, damit sie nicht aus Summen zurückgerechnet werden können, {derived} Werte aus gesperrten Fallzahlen, {small} Quoten von Sozialräumen unter {population} Einwohnern.</translation>
        </message>
        <message>
            <source>... and {count} more NULL values (see the field 'notes').</source>
            <translation>... und {count} weitere NULL-Werte (siehe Feld 'notes').</translation>
        </message>
        <message>
            <source>Cannot write {file}: {error}</source>
            <translation>{file} kann nicht geschrieben werden: {error}</translation>
        </message>
        <message>
            <source>Setting</source>
            <translation>Einstellung</translation>
        </message>
        <message>
            <source>an indicator has no id.</source>
            <translation>ein Indikator hat keine ID.</translation>
        </message>
        <message>
            <source>the numerator is empty.</source>
            <translation>der Zähler ist leer.</translation>
        </message>
        <message>
            <source>a rate, ratio or density needs a denominator (for a density the area in m², e.g. area_m2).</source>
            <translation>eine Quote, Relation oder Dichte braucht einen Nenner (bei einer Dichte die Fläche in m², z. B. area_m2).</translation>
        </message>
        <message>
            <source>a mean needs a weight_field.</source>
            <translation>ein Mittelwert braucht ein weight_field.</translation>
        </message>
        <message>
            <source>the line has more cells than the header has columns (a separator inside a value? put the value in double quotes).</source>
            <translation>die Zeile hat mehr Zellen als die Kopfzeile Spalten (ein Trennzeichen in einem Wert? Setzen Sie den Wert in doppelte Anführungszeichen).</translation>
        </message>
        <message>
            <source>the catalogue has no indicators.</source>
            <translation>der Katalog enthält keine Indikatoren.</translation>
        </message>
        <message>
            <source>the file is not UTF-8; save it as 'CSV UTF-8'.</source>
            <translation>die Datei ist nicht UTF-8-kodiert; speichern Sie sie als 'CSV UTF-8'.</translation>
        </message>
        <message>
            <source>the catalogue</source>
            <translation>der Katalog</translation>
        </message>
        <message>
            <source>the denominator is 0</source>
            <translation>der Nenner 0 ist</translation>
        </message>
        <message>
            <source>the denominator is NULL</source>
            <translation>der Nenner NULL ist</translation>
        </message>
        <message>
            <source>the denominator is negative</source>
            <translation>der Nenner negativ ist</translation>
        </message>
        <message>
            <source>suppressed: fewer cases than the minimum</source>
            <translation>gesperrt: weniger Fälle als die Mindestfallzahl</translation>
        </message>
        <message>
            <source>suppressed so that a hidden value cannot be recovered from totals</source>
            <translation>gesperrt, damit ein gesperrter Wert nicht aus Summen zurückgerechnet werden kann</translation>
        </message>
        <message>
            <source>suppressed: computed from a hidden count</source>
            <translation>gesperrt: aus einer gesperrten Fallzahl berechnet</translation>
        </message>
        <message>
            <source>no rates: the space has fewer residents than the minimum</source>
            <translation>keine Quoten: der Sozialraum hat weniger Einwohner als das Minimum</translation>
        </message>
        <message>
            <source>the header has no column '{column}' (the separator is ';' or ',', decided by the header line).</source>
            <translation>die Kopfzeile hat keine Spalte '{column}' (Trennzeichen ist ';' oder ',', bestimmt durch die Kopfzeile).</translation>
        </message>
        <message>
            <source>unknown kind '{value}'; use count, rate, ratio, mean or density.</source>
            <translation>unbekannte Art (kind) '{value}'; verwenden Sie count, rate, ratio, mean oder density.</translation>
        </message>
        <message>
            <source>the column '{column}' is empty.</source>
            <translation>die Spalte '{column}' ist leer.</translation>
        </message>
        <message>
            <source>cannot read '{value}' in column '{column}': use field names joined by + or - (names with other characters in double quotes).</source>
            <translation>'{value}' in Spalte '{column}' ist nicht lesbar: verwenden Sie Feldnamen, verbunden mit + oder - (Namen mit anderen Zeichen in doppelten Anführungszeichen).</translation>
        </message>
        <message>
            <source>'{column}' must be a positive number, not '{value}'.</source>
            <translation>'{column}' muss eine positive Zahl sein, nicht '{value}'.</translation>
        </message>
        <message>
            <source>higher_is must be worse, better or neutral, not '{value}'.</source>
            <translation>higher_is muss worse, better oder neutral sein, nicht '{value}'.</translation>
        </message>
        <message>
            <source>'{column}' must be yes or no, not '{value}'.</source>
            <translation>'{column}' muss yes oder no (ja oder nein) sein, nicht '{value}'.</translation>
        </message>
        <message>
            <source>decimals must be a whole number from 0 to 6, not '{value}'.</source>
            <translation>decimals muss eine ganze Zahl von 0 bis 6 sein, nicht '{value}'.</translation>
        </message>
        <message>
            <source>a count or mean has no denominator (found '{value}').</source>
            <translation>eine Anzahl (count) oder ein Mittelwert (mean) hat keinen Nenner (gefunden: '{value}').</translation>
        </message>
        <message>
            <source>only a mean has a weight_field (found '{value}').</source>
            <translation>nur ein Mittelwert (mean) hat ein weight_field (gefunden: '{value}').</translation>
        </message>
        <message>
            <source>part_of must name another count indicator, not '{value}'.</source>
            <translation>part_of muss einen anderen Anzahl-Indikator (count) nennen, nicht '{value}'.</translation>
        </message>
        <message>
            <source>Catalogue {file}: {problem}</source>
            <translation>Katalog {file}: {problem}</translation>
        </message>
        <message>
            <source>Catalogue {file}: the indicator id '{indicator}' is used more than once (lines {lines}).</source>
            <translation>Katalog {file}: die Indikator-ID '{indicator}' wird mehrfach verwendet (Zeilen {lines}).</translation>
        </message>
        <message>
            <source>The field '{field}' is not numeric (values such as {examples}).</source>
            <translation>Das Feld '{field}' ist nicht numerisch (Werte wie {examples}).</translation>
        </message>
        <message>
            <source>The field '{field}' (used by {indicators}) has negative counts in {count} blocks: {blocks}.</source>
            <translation>Das Feld '{field}' (verwendet von {indicators}) hat negative Fallzahlen in {count} Blöcken: {blocks}.</translation>
        </message>
        <message>
            <source>The field '{field}' has infinite values in {count} blocks: {blocks}.</source>
            <translation>Das Feld '{field}' hat unendliche Werte in {count} Blöcken: {blocks}.</translation>
        </message>
        <message>
            <source>NULL values in {count} blocks</source>
            <translation>es NULL-Werte in {count} Blöcken gibt</translation>
        </message>
        <message>
            <source>Catalogue {file}, line {line}, indicator '{indicator}': {problem}</source>
            <translation>Katalog {file}, Zeile {line}, Indikator '{indicator}': {problem}</translation>
        </message>
        <message>
            <source>Catalogue {file}, line {line}: {problem}</source>
            <translation>Katalog {file}, Zeile {line}: {problem}</translation>
        </message>
        <message>
            <source>The field '{field}' used by indicator '{indicator}' is not in the block layer.</source>
            <translation>Das Feld '{field}', das der Indikator '{indicator}' verwendet, ist nicht im Blocklayer.</translation>
        </message>
        <message>
            <source>The field '{field}' used by indicator '{indicator}' is not numeric (values such as {examples}).</source>
            <translation>Das Feld '{field}', das der Indikator '{indicator}' verwendet, ist nicht numerisch (Werte wie {examples}).</translation>
        </message>
        <message>
            <source>Did you mean '{suggestion}'?</source>
            <translation>Meinten Sie '{suggestion}'?</translation>
        </message>
        <message>
            <source>Also missing: {fields}.</source>
            <translation>Außerdem fehlen: {fields}.</translation>
        </message>
        <message>
            <source>Push indicators to drawn spaces</source>
            <translation>Indikatoren auf gezeichnete Räume übertragen</translation>
        </message>
        <message>
            <source>Computes the catalogue's indicators for spaces drawn freely (polygons that need not follow block boundaries). Each block's counts are split among the spaces it overlaps, by the share of its area or, dasymetrically, by the share of its weight points (address or building points, optionally weighted by a field such as dwellings or floor area; blocks without points fall back to their area share). Rates are then recomputed from the split counts (sum, then divide). The same confidentiality rules as in 'Push indicators to spaces' apply.

The output has the drawn spaces with every indicator and, per space, the population that came from blocks split between spaces (split_population, split_share in %). Overlapping spaces and blocks outside every space are reported in the log and the report with their population: then the sum over the spaces differs from the municipal total. A spaces layer in another CRS is transformed; blocks in a geographic CRS are measured in metres (UTM).</source>
            <translation>Berechnet die Indikatoren des Katalogs für frei gezeichnete Räume (Polygone, die nicht den Blockgrenzen folgen müssen). Die Fallzahlen jedes Blocks werden auf die Räume aufgeteilt, die er überlappt: nach seinem Flächenanteil oder dasymetrisch nach dem Anteil seiner Gewichtungspunkte (Adress- oder Gebäudepunkte, wahlweise gewichtet mit einem Feld wie Wohnungen oder Wohnfläche; Blöcke ohne Punkte werden nach Fläche aufgeteilt). Quoten werden dann aus den aufgeteilten Fallzahlen neu berechnet (erst summieren, dann teilen). Es gelten dieselben Geheimhaltungsregeln wie bei 'Indikatoren auf Sozialräume übertragen'.

Die Ausgabe enthält die gezeichneten Räume mit jedem Indikator und je Raum die Einwohner, die aus zwischen Räumen geteilten Blöcken stammen (split_population, split_share in %). Überlappende Räume und Blöcke außerhalb aller Räume werden im Protokoll und im Bericht mit ihren Einwohnern gemeldet: dann weicht die Summe über die Räume von der Gesamtstadt ab. Ein Raumlayer in einem anderen KBS wird transformiert; Blöcke in einem geographischen KBS werden in Metern (UTM) gemessen.</translation>
        </message>
        <message>
            <source>Splitting the blocks among the drawn spaces</source>
            <translation>Blöcke werden auf die gezeichneten Räume aufgeteilt</translation>
        </message>
        <message>
            <source>Drawn spaces</source>
            <translation>Gezeichnete Räume</translation>
        </message>
        <message>
            <source>Space id field (empty: feature id)</source>
            <translation>Raum-ID-Feld (leer: Objekt-ID)</translation>
        </message>
        <message>
            <source>Split blocks by</source>
            <translation>Blöcke aufteilen nach</translation>
        </message>
        <message>
            <source>Weight points (addresses, buildings)</source>
            <translation>Gewichtungspunkte (Adressen, Gebäude)</translation>
        </message>
        <message>
            <source>Weight field of the points (empty: 1 per point)</source>
            <translation>Gewichtsfeld der Punkte (leer: 1 je Punkt)</translation>
        </message>
        <message>
            <source>Drawn spaces with indicators</source>
            <translation>Gezeichnete Räume mit Indikatoren</translation>
        </message>
        <message>
            <source>Overlapping pairs of spaces</source>
            <translation>Überlappende Raumpaare</translation>
        </message>
        <message>
            <source>Blocks (partly) outside every space</source>
            <translation>Blöcke (teilweise) außerhalb aller Räume</translation>
        </message>
        <message>
            <source>Population outside every space</source>
            <translation>Einwohner außerhalb aller Räume</translation>
        </message>
        <message>
            <source>Splitting by weight points needs a point layer.</source>
            <translation>Die Aufteilung nach Gewichtungspunkten braucht einen Punktlayer.</translation>
        </message>
        <message>
            <source>The drawn spaces cover every block without overlaps: the sums over the spaces equal the municipal totals.</source>
            <translation>Die gezeichneten Räume decken jeden Block ohne Überlappung ab: die Summen über die Räume entsprechen der Gesamtstadt.</translation>
        </message>
        <message>
            <source>Population from split blocks</source>
            <translation>Einwohner aus geteilten Blöcken</translation>
        </message>
        <message>
            <source>Share of the population from split blocks (%)</source>
            <translation>Anteil der Einwohner aus geteilten Blöcken (%)</translation>
        </message>
        <message>
            <source>{count} weight points read.</source>
            <translation>{count} Gewichtungspunkte gelesen.</translation>
        </message>
        <message>
            <source>{spaces} drawn spaces, {indicators} indicators from {blocks} blocks in {seconds:.1f} s.</source>
            <translation type="obsolete">{spaces} gezeichnete Räume, {indicators} Indikatoren aus {blocks} Blöcken in {seconds:.1f} s.</translation>
        </message>
        <message>
            <source>The drawn spaces {a} and {b} overlap ({area} m²); blocks there are counted in both, so the sum over the spaces exceeds the municipal total.</source>
            <translation>Die gezeichneten Räume {a} und {b} überlappen sich ({area} m²); Blöcke dort zählen in beiden, daher übersteigt die Summe über die Räume die Gesamtstadt.</translation>
        </message>
        <message>
            <source>{count} blocks have no weight points and are split by area: {ids}</source>
            <translation>{count} Blöcke haben keine Gewichtungspunkte und werden nach Fläche aufgeteilt: {ids}</translation>
        </message>
        <message>
            <source>Area share</source>
            <translation>Flächenanteil</translation>
        </message>
        <message>
            <source>Weight points (dasymetric)</source>
            <translation>Gewichtungspunkte (dasymetrisch)</translation>
        </message>
        <message>
            <source>The drawn spaces ({crs}) are transformed to {work} for the overlay.</source>
            <translation>Die gezeichneten Räume ({crs}) werden für die Verschneidung nach {work} transformiert.</translation>
        </message>
        <message>
            <source>The space id field '{field}' is empty for {count} spaces.</source>
            <translation type="obsolete">Das Raum-ID-Feld '{field}' ist bei {count} Räumen leer.</translation>
        </message>
        <message>
            <source>The space id field '{field}' has duplicate values: {values}.</source>
            <translation>Das Raum-ID-Feld '{field}' hat doppelte Werte: {values}.</translation>
        </message>
        <message>
            <source>{count} drawn spaces have no geometry: {ids}</source>
            <translation>{count} gezeichnete Räume haben keine Geometrie: {ids}</translation>
        </message>
        <message>
            <source>The weight field '{field}' has negative values for {count} points.</source>
            <translation>Das Gewichtsfeld '{field}' hat negative Werte bei {count} Punkten.</translation>
        </message>
        <message>
            <source>Block</source>
            <translation>Block</translation>
        </message>
        <message>
            <source>Share outside (%)</source>
            <translation>Anteil außerhalb (%)</translation>
        </message>
        <message>
            <source>Residents outside</source>
            <translation>Einwohner außerhalb</translation>
        </message>
        <message>
            <source>Blocks outside every drawn space</source>
            <translation>Blöcke außerhalb aller gezeichneten Räume</translation>
        </message>
        <message>
            <source>Overlaps space</source>
            <translation>Überlappt Raum</translation>
        </message>
        <message>
            <source>Area (m²)</source>
            <translation>Fläche (m²)</translation>
        </message>
        <message>
            <source>Overlapping drawn spaces</source>
            <translation>Überlappende gezeichnete Räume</translation>
        </message>
        <message>
            <source>Indicators of the drawn spaces</source>
            <translation>Indikatoren der gezeichneten Räume</translation>
        </message>
        <message>
            <source>{count} blocks lie (partly) outside every drawn space, with {population} residents outside: {ids}</source>
            <translation>{count} Blöcke liegen (teilweise) außerhalb aller gezeichneten Räume, mit {population} Einwohnern außerhalb: {ids}</translation>
        </message>
        <message>
            <source>{count} blocks lie (partly) outside every drawn space: {ids}</source>
            <translation>{count} Blöcke liegen (teilweise) außerhalb aller gezeichneten Räume: {ids}</translation>
        </message>
        <message>
            <source>{count} weight points lie in no block and are not used.</source>
            <translation>{count} Gewichtungspunkte liegen in keinem Block und werden nicht verwendet.</translation>
        </message>
        <message>
            <source>{count} blocks have no usable polygon geometry: {ids}</source>
            <translation>{count} Blöcke haben keine verwendbare Polygongeometrie: {ids}</translation>
        </message>
        <message>
            <source>{count} invalid drawn spaces were repaired for the overlay.</source>
            <translation type="obsolete">{count} ungültige gezeichnete Räume wurden für die Verschneidung repariert.</translation>
        </message>
        <message>
            <source>Block {block}: {share} % outside, {population} residents.</source>
            <translation>Block {block}: {share} % außerhalb, {population} Einwohner.</translation>
        </message>
        <message>
            <source>Social index and types</source>
            <translation>Sozialindex und Raumtypen</translation>
        </message>
        <message>
            <source>A composite social index in the style of Berlin's social monitoring: each chosen rate is turned into z-scores across the spaces, multiplied by its sign (+1: a higher value means more need, -1: less need) and weight, summed, and the sum standardised again; higher index = more need. Signs come from the field 'Signs' (e.g. sgb2_rate=+1;floor_area_per_head=-1) or else from the catalogue's higher_is column. Classes by the breaks (default -1, 1, 1.5: status high, medium, low, very low). Spaces with fewer residents than the minimum or with a NULL rate get no index and do not influence the others.

With the rates of an earlier time point (same order as the rates) a dynamics index is computed the same way on the changes.

Types: cluster analysis (k-means or Ward) of the standardised rates into k types (0 = k chosen by the best silhouette from 3 to 8); types are numbered by increasing need. The profile table gives each type's mean rates, number of spaces and population. The same seed gives the same result.

Needs the Python package scikit-learn.</source>
            <translation>Ein zusammengesetzter Sozialindex nach dem Vorbild des Berliner Monitorings Soziale Stadtentwicklung: jede gewählte Quote wird über die Räume z-standardisiert, mit ihrem Vorzeichen (+1: ein höherer Wert bedeutet mehr Handlungsbedarf, -1: weniger) und Gewicht multipliziert, summiert und die Summe erneut standardisiert; höherer Index = mehr Handlungsbedarf. Die Vorzeichen kommen aus dem Feld 'Vorzeichen' (z. B. sgb2_rate=+1;floor_area_per_head=-1) oder sonst aus der Spalte higher_is des Katalogs. Klassen nach den Grenzen (Standard -1, 1, 1,5: Status hoch, mittel, niedrig, sehr niedrig). Räume mit weniger Einwohnern als dem Minimum oder mit einer NULL-Quote erhalten keinen Index und beeinflussen die anderen nicht.

Mit den Quoten eines früheren Zeitpunkts (in derselben Reihenfolge wie die Quoten) wird ebenso ein Dynamikindex aus den Veränderungen berechnet.

Typen: Clusteranalyse (k-means oder Ward) der standardisierten Quoten in k Typen (0 = k nach der besten Silhouette von 3 bis 8); die Typen sind nach steigendem Handlungsbedarf nummeriert. Die Profiltabelle enthält je Typ die mittleren Quoten, die Zahl der Räume und die Einwohner. Derselbe Startwert ergibt dasselbe Ergebnis.

Braucht das Python-Paket scikit-learn.</translation>
        </message>
        <message>
            <source>Social index</source>
            <translation>Sozialindex</translation>
        </message>
        <message>
            <source>Index class</source>
            <translation>Indexklasse</translation>
        </message>
        <message>
            <source>Why no index</source>
            <translation>Warum kein Index</translation>
        </message>
        <message>
            <source>Dynamics index</source>
            <translation>Dynamikindex</translation>
        </message>
        <message>
            <source>Dynamics class</source>
            <translation>Dynamikklasse</translation>
        </message>
        <message>
            <source>Dynamics</source>
            <translation>Dynamik</translation>
        </message>
        <message>
            <source>Type</source>
            <translation>Typ</translation>
        </message>
        <message>
            <source>Spaces with rates</source>
            <translation>Sozialräume mit Quoten</translation>
        </message>
        <message>
            <source>Space id field (for messages; empty: feature id)</source>
            <translation>Raum-ID-Feld (für Meldungen; leer: Objekt-ID)</translation>
        </message>
        <message>
            <source>Rates for the index and the types</source>
            <translation>Quoten für Index und Typen</translation>
        </message>
        <message>
            <source>Signs (field=+1 when higher means more need, field=-1 when less; empty: from the catalogue)</source>
            <translation>Vorzeichen (Feld=+1, wenn höher mehr Handlungsbedarf bedeutet, Feld=-1, wenn weniger; leer: aus dem Katalog)</translation>
        </message>
        <message>
            <source>Weights (field=weight;...; default 1)</source>
            <translation>Gewichte (Feld=Gewicht;...; Standard 1)</translation>
        </message>
        <message>
            <source>Class breaks of the index</source>
            <translation>Klassengrenzen des Index</translation>
        </message>
        <message>
            <source>Leave out spaces with fewer residents than</source>
            <translation>Sozialräume auslassen mit weniger Einwohnern als</translation>
        </message>
        <message>
            <source>Rates at an earlier time point (same order; for the dynamics index)</source>
            <translation>Quoten eines früheren Zeitpunkts (gleiche Reihenfolge; für den Dynamikindex)</translation>
        </message>
        <message>
            <source>Number of types (0 = chosen by silhouette)</source>
            <translation>Anzahl der Typen (0 = nach Silhouette gewählt)</translation>
        </message>
        <message>
            <source>Cluster method</source>
            <translation>Clusterverfahren</translation>
        </message>
        <message>
            <source>Spaces with index and type</source>
            <translation>Sozialräume mit Index und Typ</translation>
        </message>
        <message>
            <source>Type profiles</source>
            <translation>Typprofile</translation>
        </message>
        <message>
            <source>Spaces with an index</source>
            <translation>Sozialräume mit Index</translation>
        </message>
        <message>
            <source>Spaces without an index</source>
            <translation>Sozialräume ohne Index</translation>
        </message>
        <message>
            <source>Number of types</source>
            <translation>Anzahl der Typen</translation>
        </message>
        <message>
            <source>Choose at least one rate.</source>
            <translation>Wählen Sie mindestens eine Quote.</translation>
        </message>
        <message>
            <source>Index for {indexed} spaces; classes: {classes}.</source>
            <translation>Index für {indexed} Sozialräume; Klassen: {classes}.</translation>
        </message>
        <message>
            <source>{k} types ({method}); silhouette {scores}.</source>
            <translation>{k} Typen ({method}); Silhouette {scores}.</translation>
        </message>
        <message>
            <source>k-means</source>
            <translation>k-means</translation>
        </message>
        <message>
            <source>Ward</source>
            <translation>Ward</translation>
        </message>
        <message>
            <source>The class breaks '{text}' must be increasing numbers separated by commas, e.g. -1,1,1.5.</source>
            <translation type="obsolete">Die Klassengrenzen '{text}' müssen steigende, durch Kommas getrennte Zahlen sein, z. B. -1,1,1.5.</translation>
        </message>
        <message>
            <source>Give one earlier rate for each rate ({count} rates, {before} earlier rates), in the same order.</source>
            <translation>Geben Sie zu jeder Quote eine frühere Quote an ({count} Quoten, {before} frühere Quoten), in derselben Reihenfolge.</translation>
        </message>
        <message>
            <source>Space {space}: no index, NULL in {fields}.</source>
            <translation>Sozialraum {space}: kein Index, NULL in {fields}.</translation>
        </message>
        <message>
            <source>Space types</source>
            <translation>Raumtypen</translation>
        </message>
        <message>
            <source>Type {number}</source>
            <translation>Typ {number}</translation>
        </message>
        <message>
            <source>Cannot read '{item}': write field=number, separated by ';'.</source>
            <translation>'{item}' ist nicht lesbar: schreiben Sie Feld=Zahl, getrennt durch ';'.</translation>
        </message>
        <message>
            <source>'{field}' is not one of the chosen rates ({rates}).</source>
            <translation>'{field}' ist keine der gewählten Quoten ({rates}).</translation>
        </message>
        <message>
            <source>{count} spaces have fewer than {minimum} residents and get no index or type: {ids}</source>
            <translation>{count} Sozialräume haben weniger als {minimum} Einwohner und erhalten keinen Index und keinen Typ: {ids}</translation>
        </message>
        <message>
            <source>'{field}' has the same value in every space with an index and has no influence.</source>
            <translation>'{field}' hat in jedem Sozialraum mit Index denselben Wert und hat keinen Einfluss.</translation>
        </message>
        <message>
            <source>'{value}' for '{field}' is not a number.</source>
            <translation>'{value}' für '{field}' ist keine Zahl.</translation>
        </message>
        <message>
            <source>The sign of '{field}' must be +1 or -1, not {value}.</source>
            <translation>Das Vorzeichen von '{field}' muss +1 oder -1 sein, nicht {value}.</translation>
        </message>
        <message>
            <source>No sign for '{field}': give it in the signs ({field}=+1 when a higher value means more need, {field}=-1 when it means less), or set higher_is to worse or better in the catalogue.</source>
            <translation>Kein Vorzeichen für '{field}': geben Sie es bei den Vorzeichen an ({field}=+1, wenn ein höherer Wert mehr Handlungsbedarf bedeutet, {field}=-1, wenn weniger) oder setzen Sie higher_is im Katalog auf worse oder better.</translation>
        </message>
        <message>
            <source>Too few spaces for the types: {n} spaces have all rates; the number of types must be between 2 and {maximum}.</source>
            <translation>Zu wenige Sozialräume für die Typen: {n} Sozialräume haben alle Quoten; die Anzahl der Typen muss zwischen 2 und {maximum} liegen.</translation>
        </message>
        <message>
            <source>Not enough memory for {algorithm}. Try a smaller layer or fewer attributes.</source>
            <translation>Nicht genug Arbeitsspeicher für {algorithm}. Versuchen Sie einen kleineren Layer oder weniger Merkmale.</translation>
        </message>
        <message>
            <source>{algorithm} stopped on an unexpected problem ({kind}: {detail}). The input layers are unchanged. Details are in the QGIS message log (Sozialraum); please report them with the input.</source>
            <translation>{algorithm} wurde wegen eines unerwarteten Problems abgebrochen ({kind}: {detail}). Die Eingabelayer sind unverändert. Einzelheiten stehen im QGIS-Meldungsprotokoll (Sozialraum); bitte melden Sie sie zusammen mit den Eingabedaten.</translation>
        </message>
        <message>
            <source>The block layer has no features.</source>
            <translation>Der Baublock-Layer enthält keine Objekte.</translation>
        </message>
        <message>
            <source>Field '{field}' has values that are not numbers ({examples}) for {count} blocks: {ids}</source>
            <translation>Das Feld '{field}' enthält für {count} Baublöcke Werte, die keine Zahlen sind ({examples}): {ids}</translation>
        </message>
        <message>
            <source>The layer has no field named {fields}.</source>
            <translation>Der Layer hat kein Feld mit dem Namen {fields}.</translation>
        </message>
        <message>
            <source>Barrier layer '{name}' has points; barriers must be lines (or polygons, whose outlines are used).</source>
            <translation>Der Barrieren-Layer '{name}' enthält Punkte; Barrieren müssen Linien sein (oder Flächen, deren Umrisse verwendet werden).</translation>
        </message>
        <message>
            <source>Barrier layer '{name}' has {count} polygons; their outlines are used as barrier lines.</source>
            <translation>Der Barrieren-Layer '{name}' enthält {count} Flächen; ihre Umrisse werden als Barrierelinien verwendet.</translation>
        </message>
        <message>
            <source>The layer has no features.</source>
            <translation>Der Layer enthält keine Objekte.</translation>
        </message>
        <message>
            <source>Field '{field}' has values that are not numbers ({examples}) for {count} spaces: {ids}</source>
            <translation>Das Feld '{field}' enthält für {count} Sozialräume Werte, die keine Zahlen sind ({examples}): {ids}</translation>
        </message>
        <message>
            <source>The compactness (Polsby-Popper) of {count} spaces could not be computed and is left empty: {spaces}</source>
            <translation>Die Kompaktheit (Polsby-Popper) von {count} Sozialräumen konnte nicht berechnet werden und bleibt leer: {spaces}</translation>
        </message>
        <message>
            <source>Groups blocks into contiguous social spaces that are internally alike in the chosen attributes (social indicators and building structure), with every space's population between the minimum and the maximum.

Attributes are standardised (z-scores) and weighted (WEIGHTS, e.g. 'sgb2_rate=2;old_share=0,5': pairs separated by ';', either decimal mark); with 'balance groups', the building-structure attributes together get the same weight as the social ones. Use rates or shares (e.g. SGB II rate), not raw counts, unless size should matter.

Number of spaces: 0 chooses it automatically as population / middle of the population band, within what the bounds allow in each part of the town; the log says how it was chosen.

Neighbourhood: as in 'Build block adjacency' (gap distance across streets, barrier lines cut links, blocks in different nesting units are never in one space). Initial division: a field with an existing division to start from; locked spaces (comma-separated values of that field) stay exactly as they are. Compactness &gt; 0 favours shorter space boundaries.

If the bounds cannot hold (a block above the maximum, a part cut off by barriers with fewer residents than the minimum, an impossible number of spaces) the algorithm either stops with a message naming the blocks, or applies the fallback: such a block becomes its own space, an island joins its nearest block in the same nesting unit (alone in its unit it stays its own space, below the minimum); these spaces are flagged in the output.

Outputs: the blocks with space_id, the dissolved spaces (population, blocks, SSD, Polsby-Popper compactness, status ok/below/above/flagged/locked) and an optional HTML report. The same seed gives the same result.</source>
            <translation type="obsolete">Fasst Blöcke zu zusammenhängenden Sozialräumen zusammen, die in den gewählten Merkmalen (Sozialindikatoren und Bebauungsstruktur) in sich ähnlich sind und deren Einwohnerzahl jeweils zwischen Minimum und Maximum liegt.

Die Merkmale werden standardisiert (z-Werte) und gewichtet (WEIGHTS, z. B. 'sgb2_rate=2;old_share=0,5': Paare durch ';' getrennt, Dezimalkomma oder -punkt); mit 'Gruppen ausgleichen' erhalten die Merkmale der Bebauungsstruktur zusammen dasselbe Gewicht wie die sozialen. Verwenden Sie Quoten oder Anteile (z. B. SGB-II-Quote), keine absoluten Zahlen, außer die Größe soll zählen.

Zahl der Räume: 0 wählt sie automatisch als Einwohnerzahl / Mitte der Einwohnerspanne, soweit die Grenzen es in jedem Teil der Stadt zulassen; das Protokoll nennt die Wahl.

Nachbarschaft: wie in 'Blocknachbarschaft bilden' (Lückenabstand über Straßen, Barrierelinien trennen Verbindungen, Blöcke verschiedener Verschachtelungseinheiten liegen nie in einem Raum). Ausgangsgliederung: ein Feld mit einer bestehenden Gliederung als Start; gesperrte Räume (kommagetrennte Werte dieses Feldes) bleiben genau so, wie sie sind. Kompaktheit &gt; 0 bevorzugt kürzere Raumgrenzen.

Wenn die Grenzen nicht einzuhalten sind (ein Block über dem Maximum, ein durch Barrieren abgeschnittener Teil mit weniger Einwohnern als dem Minimum, eine unmögliche Zahl von Räumen), bricht der Algorithmus entweder mit einer Meldung ab, die die Blöcke nennt, oder wendet die Ersatzlösung an: Ein solcher Block wird ein eigener Raum, eine Insel schließt sich ihrem nächsten Block in derselben Verschachtelungseinheit an (allein in ihrer Einheit bleibt sie ein eigener Raum unter dem Minimum); diese Räume werden in der Ausgabe markiert.

Ausgaben: die Blöcke mit space_id, die zusammengeführten Räume (Einwohner, Blöcke, SSD, Kompaktheit nach Polsby-Popper, Status ok/below/above/flagged/locked) und ein optionaler HTML-Bericht. Derselbe Startwert liefert dasselbe Ergebnis.</translation>
        </message>
        <message>
            <source>The class breaks '{text}' must be increasing numbers separated by semicolons (-1; 1; 1,5) or commas (-1,1,1.5).</source>
            <translation>Die Klassengrenzen '{text}' müssen aufsteigende Zahlen sein, getrennt durch Semikolons (-1; 1; 1,5) oder Kommas (-1,1,1.5).</translation>
        </message>
        <message>
            <source>The layer is in a geographic CRS ({crs}) and has no geometries to choose a metric CRS (UTM zone) from; reproject it or check its geometries.</source>
            <translation>Der Layer liegt in einem geographischen KBS ({crs}) und hat keine Geometrien, nach denen ein metrisches KBS (UTM-Zone) gewählt werden kann; projizieren Sie ihn um oder prüfen Sie seine Geometrien.</translation>
        </message>
        <message>
            <source>The id field '{field}' is empty for {count} blocks (feature ids {features}).</source>
            <translation>Das ID-Feld '{field}' ist bei {count} Blöcken leer (Objekt-IDs {features}).</translation>
        </message>
        <message>
            <source>Agreement (adjusted Rand index): {blocks} by blocks, {population} by residents (1 = identical).</source>
            <translation>Übereinstimmung (bereinigter Rand-Index): {blocks} nach Blöcken, {population} nach Einwohnern (1 = identisch).</translation>
        </message>
        <message>
            <source>The new division has {new} social spaces (before: {old}). {unchanged} spaces are unchanged.</source>
            <translation>Die neue Gliederung hat {new} Sozialräume (bisher {old}). {unchanged} Sozialräume bleiben unverändert.</translation>
        </message>
        <message>
            <source>{moved} of {blocks} blocks change their space, with {population} residents ({share} %).</source>
            <translation>{moved} von {blocks} Baublöcken wechseln den Sozialraum; das betrifft {population} Einwohner ({share} %).</translation>
        </message>
        <message>
            <source>- from {old} to {new}: {blocks} blocks, {population} residents</source>
            <translation>- von {old} nach {new}: {blocks} Blöcke, {population} Einwohner</translation>
        </message>
        <message>
            <source>New: {spaces}.</source>
            <translation>Neu gebildet: {spaces}.</translation>
        </message>
        <message>
            <source>Dissolved: {spaces}.</source>
            <translation>Aufgelöst: {spaces}.</translation>
        </message>
        <message>
            <source>high status</source>
            <translation>Status hoch</translation>
        </message>
        <message>
            <source>medium status</source>
            <translation>Status mittel</translation>
        </message>
        <message>
            <source>low status</source>
            <translation>Status niedrig</translation>
        </message>
        <message>
            <source>very low status</source>
            <translation>Status sehr niedrig</translation>
        </message>
        <message>
            <source>improving</source>
            <translation>positive Dynamik</translation>
        </message>
        <message>
            <source>stable</source>
            <translation>stabile Dynamik</translation>
        </message>
        <message>
            <source>worsening</source>
            <translation>negative Dynamik</translation>
        </message>
        <message>
            <source>strongly worsening</source>
            <translation>stark negative Dynamik</translation>
        </message>
        <message>
            <source>Municipality total</source>
            <translation>Gesamtstadt</translation>
        </message>
        <message>
            <source>Social space</source>
            <translation>Sozialraum</translation>
        </message>
        <message>
            <source>Groups blocks into contiguous social spaces that are internally alike in the chosen attributes (social indicators and building structure), with every space's population between the minimum and the maximum.

Attributes are standardised (z-scores) and weighted (WEIGHTS, e.g. 'sgb2_rate=2;old_share=0,5': pairs separated by ';', either decimal mark); with 'balance groups', the building-structure attributes together get the same weight as the social ones. Use rates or shares (e.g. SGB II rate), not raw counts, unless size should matter.

Number of spaces: 0 chooses it automatically as population / middle of the population band, within what the bounds allow in each part of the town; the log says how it was chosen.

Neighbourhood: as in 'Build block adjacency' (gap distance across streets, barrier lines cut links, blocks in different nesting units are never in one space). Initial division: a field with an existing division to start from; locked spaces (comma-separated values of that field) stay exactly as they are.

Objective: the within-space sum of squares of the attributes plus the compactness weight times the length of the boundaries between spaces (street gaps between blocks of one space do not count). The default weight gives compact spaces at nearly the same homogeneity; 0 optimises homogeneity alone, larger values give rounder spaces. With 'weight blocks by residents' (default) every block counts with its residents, so parks, industry and other blocks without residents weigh nothing and go to the neighbouring space that gives the shorter boundary; switched off, every block counts the same.

If the bounds cannot hold (a block above the maximum, a part cut off by barriers with fewer residents than the minimum, an impossible number of spaces) the algorithm either stops with a message naming the blocks, or applies the fallback: such a block becomes its own space, an island joins its nearest block in the same nesting unit (alone in its unit it stays its own space, below the minimum); these spaces are flagged in the output.

Outputs: the blocks with space_id, the dissolved spaces (population, blocks, SSD, Polsby-Popper compactness, status ok/below/above/flagged/locked) and an optional HTML report. The same seed gives the same result.</source>
            <translation type="obsolete">Fasst Blöcke zu zusammenhängenden Sozialräumen zusammen, die in den gewählten Merkmalen (Sozialindikatoren und Bebauungsstruktur) in sich ähnlich sind und deren Einwohnerzahl jeweils zwischen Minimum und Maximum liegt.

Die Merkmale werden standardisiert (z-Werte) und gewichtet (WEIGHTS, z. B. 'sgb2_rate=2;old_share=0,5': Paare durch ';' getrennt, Dezimalkomma oder -punkt); mit 'Gruppen ausgleichen' erhalten die Merkmale der Bebauungsstruktur zusammen dasselbe Gewicht wie die sozialen. Verwenden Sie Quoten oder Anteile (z. B. SGB-II-Quote), keine absoluten Zahlen, außer die Größe soll zählen.

Zahl der Räume: 0 wählt sie automatisch als Einwohnerzahl / Mitte der Einwohnerspanne, soweit die Grenzen es in jedem Teil der Stadt zulassen; das Protokoll nennt die Wahl.

Nachbarschaft: wie in 'Blocknachbarschaft bilden' (Lückenabstand über Straßen, Barrierelinien trennen Verbindungen, Blöcke verschiedener Verschachtelungseinheiten liegen nie in einem Raum). Ausgangsgliederung: ein Feld mit einer bestehenden Gliederung als Start; gesperrte Räume (kommagetrennte Werte dieses Feldes) bleiben genau so, wie sie sind.

Zielfunktion: die Quadratsumme der Merkmale innerhalb der Räume plus das Kompaktheitsgewicht mal der Länge der Grenzen zwischen den Räumen (Straßenlücken zwischen Blöcken eines Raums zählen nicht). Das voreingestellte Gewicht ergibt kompakte Räume bei nahezu gleicher Homogenität; 0 optimiert allein die Homogenität, größere Werte ergeben rundere Räume. Mit 'Blöcke nach Einwohnern gewichten' (voreingestellt) zählt jeder Block mit seinen Einwohnern, sodass Parks, Gewerbe und andere Blöcke ohne Einwohner nichts wiegen und dem Nachbarraum zufallen, der die kürzere Grenze ergibt; ausgeschaltet zählt jeder Block gleich.

Wenn die Grenzen nicht einzuhalten sind (ein Block über dem Maximum, ein durch Barrieren abgeschnittener Teil mit weniger Einwohnern als dem Minimum, eine unmögliche Zahl von Räumen), bricht der Algorithmus entweder mit einer Meldung ab, die die Blöcke nennt, oder wendet die Ersatzlösung an: Ein solcher Block wird ein eigener Raum, eine Insel schließt sich ihrem nächsten Block in derselben Verschachtelungseinheit an (allein in ihrer Einheit bleibt sie ein eigener Raum unter dem Minimum); diese Räume werden in der Ausgabe markiert.

Ausgaben: die Blöcke mit space_id, die zusammengeführten Räume (Einwohner, Blöcke, SSD, Kompaktheit nach Polsby-Popper, Status ok/below/above/flagged/locked) und ein optionaler HTML-Bericht. Derselbe Startwert liefert dasselbe Ergebnis.</translation>
        </message>
        <message>
            <source>Weight blocks by residents in the homogeneity</source>
            <translation>Blöcke in der Homogenität nach Einwohnern gewichten</translation>
        </message>
        <message>
            <source>Shape clean-up after the search: {tentacles} blocks reaching into a neighbouring space moved to it; {found} enclaves found, {merged} merged into the space around them, {opened} opened to a second neighbour.</source>
            <translation type="obsolete">Formbereinigung nach der Suche: {tentacles} Blöcke, die in einen Nachbarraum hineinragten, diesem zugeordnet; {found} Enklaven gefunden, {merged} mit dem umgebenden Raum zusammengelegt, {opened} zu einem zweiten Nachbarn geöffnet.</translation>
        </message>
        <message>
            <source>{count} enclaves stay because no change keeps the population bounds (a block of each: {ids}).</source>
            <translation type="obsolete">{count} Enklaven bleiben, weil keine Änderung die Einwohnergrenzen einhält (je ein Block: {ids}).</translation>
        </message>
        <message>
            <source>SSD share, blocks weighted by residents</source>
            <translation>SSD-Anteil, Blöcke nach Einwohnern gewichtet</translation>
        </message>
        <message>
            <source>Least compact space (Polsby-Popper)</source>
            <translation>Am wenigsten kompakter Raum (Polsby-Popper)</translation>
        </message>
        <message>
            <source>Mean convex-hull ratio (area / convex hull)</source>
            <translation>Mittlerer Anteil an der konvexen Hülle (Fläche / konvexe Hülle)</translation>
        </message>
        <message>
            <source>Enclaves (holes in a space filled by another space)</source>
            <translation>Enklaven (Löcher eines Raums, die ein anderer Raum füllt)</translation>
        </message>
        <message>
            <source>Convex-hull ratio</source>
            <translation>Anteil an konvexer Hülle</translation>
        </message>
        <message>
            <source>Enclaves</source>
            <translation>Enklaven</translation>
        </message>
        <message>
            <source>The least compact spaces: Polsby-Popper 4πA/P² and convex-hull ratio of the outline with street gaps closed (1 for a circle or a convex outline), enclaves are holes of the outline filled by another space.</source>
            <translation>Die am wenigsten kompakten Räume: Polsby-Popper 4πA/P² und Anteil an der konvexen Hülle des Umrisses mit geschlossenen Straßenlücken (1 für einen Kreis bzw. einen konvexen Umriss); Enklaven sind Löcher des Umrisses, die ein anderer Raum füllt.</translation>
        </message>
        <message>
            <source>Least compact spaces</source>
            <translation>Am wenigsten kompakte Räume</translation>
        </message>
        <message>
            <source>Scores an existing division of blocks into spaces (a field with the space of each block) with the same rules as 'Propose social spaces': homogeneity as the share of the within-space sum of squares in the total (SSD share; attributes standardised and weighted as there), population per space against the minimum and maximum, contiguity (spaces in several parts), barrier crossings inside spaces, shape (Polsby-Popper and convex-hull ratio of the outline with street gaps closed; enclaves: holes of the outline filled by another space) and spaces spanning more than one unit of the nesting field.

Outputs: one feature per space with its scores, and an HTML report with the summary, the table of spaces and the five least compact spaces. Blocks without a space value are counted and listed.</source>
            <translation type="obsolete">Bewertet eine bestehende Gliederung von Blöcken in Räume (ein Feld mit dem Raum jedes Blocks) nach denselben Regeln wie 'Sozialräume vorschlagen': Homogenität als Anteil der Quadratsumme innerhalb der Räume an der gesamten (SSD-Anteil; Merkmale standardisiert und gewichtet wie dort), Einwohner je Raum gegenüber Minimum und Maximum, Zusammenhang (Räume aus mehreren Teilen), Barrierequerungen innerhalb von Räumen, Form (Polsby-Popper und Anteil an der konvexen Hülle des Umrisses mit geschlossenen Straßenlücken; Enklaven: Löcher des Umrisses, die ein anderer Raum füllt) und Räume über mehr als eine Einheit des Verschachtelungsfeldes.

Ausgaben: ein Objekt je Raum mit seinen Kennzahlen und ein HTML-Bericht mit Übersicht, Raumtabelle und den fünf am wenigsten kompakten Räumen. Blöcke ohne Raumwert werden gezählt und aufgeführt.</translation>
        </message>
        <message>
            <source>Sozialraum consultation</source>
            <translation>Sozialraum-Beteiligung</translation>
        </message>
        <message>
            <source>Consultation dock</source>
            <translation>Beteiligungs-Fenster</translation>
        </message>
        <message>
            <source>Paint blocks into a space</source>
            <translation>Blöcke einem Sozialraum zuweisen (Malen)</translation>
        </message>
        <message>
            <source>Merge two adjacent spaces</source>
            <translation>Zwei benachbarte Sozialräume zusammenlegen</translation>
        </message>
        <message>
            <source>Sozialraum</source>
            <translation>Sozialraum</translation>
        </message>
        <message>
            <source>Blocks layer</source>
            <translation>Blocklayer</translation>
        </message>
        <message>
            <source>Attributes</source>
            <translation>Merkmale</translation>
        </message>
        <message>
            <source>Population bounds</source>
            <translation>Einwohnergrenzen</translation>
        </message>
        <message>
            <source>Open session</source>
            <translation>Sitzung öffnen</translation>
        </message>
        <message>
            <source>Filter spaces</source>
            <translation>Sozialräume filtern</translation>
        </message>
        <message>
            <source>Locked</source>
            <translation>Gesperrt</translation>
        </message>
        <message>
            <source>{spaces} spaces, {population} residents in {blocks} blocks; bounds {lower}–{upper}. Problems: {problems} ({below} below, {above} above, {split} not contiguous); {locked} locked. SSD share {share:.3f}</source>
            <translation type="obsolete">{spaces} Sozialräume, {population} Einwohner in {blocks} Blöcken; Grenzen {lower}–{upper}. Probleme: {problems} ({below} darunter, {above} darüber, {split} nicht zusammenhängend); {locked} gesperrt. SSD-Anteil {share:.3f}</translation>
        </message>
        <message>
            <source>Editing '{layer}': paint, merge and lock; every change is one undo step.</source>
            <translation type="obsolete">Bearbeitung von „{layer}“: malen, zusammenlegen und sperren; jede Änderung ist ein Rückgängig-Schritt.</translation>
        </message>
        <message>
            <source>within</source>
            <translation>im Rahmen</translation>
        </message>
        <message>
            <source>Refused: locked spaces can neither lose nor gain blocks ({spaces}).</source>
            <translation>Abgelehnt: gesperrte Sozialräume können weder Blöcke abgeben noch aufnehmen ({spaces}).</translation>
        </message>
        <message>
            <source>{status}, not contiguous</source>
            <translation>{status}, nicht zusammenhängend</translation>
        </message>
        <message>
            <source>below the bounds</source>
            <translation>unter den Grenzen</translation>
        </message>
        <message>
            <source>above the bounds</source>
            <translation>über den Grenzen</translation>
        </message>
        <message>
            <source>not contiguous</source>
            <translation>nicht zusammenhängend</translation>
        </message>
        <message>
            <source>space {space} is now {problems}</source>
            <translation>Sozialraum {space} ist jetzt {problems}</translation>
        </message>
        <message>
            <source>Open a session on a blocks layer first.</source>
            <translation>Öffnen Sie zuerst eine Sitzung auf einem Blocklayer.</translation>
        </message>
        <message>
            <source>Paint {count} blocks into space {space}</source>
            <translation type="obsolete">{count} Blöcke dem Sozialraum {space} zuweisen</translation>
        </message>
        <message>
            <source>{count} blocks, {population} residents into {space}</source>
            <translation type="obsolete">{count} Blöcke, {population} Einwohner nach {space}</translation>
        </message>
        <message>
            <source>Merge space {second} into space {first}</source>
            <translation>Sozialraum {second} mit Sozialraum {first} zusammenlegen</translation>
        </message>
        <message>
            <source>Painting into space {space}: drag over blocks, release to apply.</source>
            <translation>Zuweisen an Sozialraum {space}: über Blöcke ziehen, loslassen zum Übernehmen.</translation>
        </message>
        <message>
            <source>{space}: {population} ({status})</source>
            <translation>{space}: {population} ({status})</translation>
        </message>
        <message>
            <source>Locked, refused: {spaces}</source>
            <translation>Gesperrt, abgelehnt: {spaces}</translation>
        </message>
        <message>
            <source>Merge into space {space}: click a block of an adjacent space.</source>
            <translation>Zusammenlegen mit Sozialraum {space}: klicken Sie einen Block eines benachbarten Sozialraums an.</translation>
        </message>
        <message>
            <source>Space {second} merged into space {first}.</source>
            <translation>Sozialraum {second} mit Sozialraum {first} zusammengelegt.</translation>
        </message>
        <message>
            <source>Spaces {first} and {second} are not neighbours: only adjacent spaces can be merged.</source>
            <translation>Die Sozialräume {first} und {second} sind nicht benachbart: nur benachbarte Sozialräume können zusammengelegt werden.</translation>
        </message>
        <message>
            <source>Choose a valid polygon layer of blocks.</source>
            <translation>Wählen Sie einen gültigen Polygonlayer mit Blöcken.</translation>
        </message>
        <message>
            <source>Features of the layer were added, deleted or reshaped: open the session again.</source>
            <translation>Objekte des Layers wurden hinzugefügt, gelöscht oder umgeformt: öffnen Sie die Sitzung erneut.</translation>
        </message>
        <message>
            <source>The layer '{layer}' has no polygons: choose the blocks layer.</source>
            <translation>Der Layer „{layer}“ enthält keine Polygone: wählen Sie den Blocklayer.</translation>
        </message>
        <message>
            <source>The layer '{layer}' has no space field '{field}'.</source>
            <translation>Der Layer „{layer}“ hat kein Raumfeld „{field}“.</translation>
        </message>
        <message>
            <source>The layer '{layer}' has no population field '{field}'.</source>
            <translation>Der Layer „{layer}“ hat kein Einwohnerfeld „{field}“.</translation>
        </message>
        <message>
            <source>The layer '{layer}' has no features.</source>
            <translation>Der Layer „{layer}“ enthält keine Objekte.</translation>
        </message>
        <message>
            <source>The layer '{layer}' cannot be edited (its data source is read-only).</source>
            <translation>Der Layer „{layer}“ kann nicht bearbeitet werden (seine Datenquelle ist schreibgeschützt).</translation>
        </message>
        <message>
            <source>Toggle editing of the layer '{layer}' to use the consultation tools.</source>
            <translation>Schalten Sie die Bearbeitung des Layers „{layer}“ ein, um die Beteiligungswerkzeuge zu nutzen.</translation>
        </message>
        <message>
            <source>Lock space {space}</source>
            <translation>Sozialraum {space} sperren</translation>
        </message>
        <message>
            <source>Unlock space {space}</source>
            <translation>Sozialraum {space} entsperren</translation>
        </message>
        <message>
            <source>The lower bound ({lower:g}) must be below the upper bound ({upper:g}).</source>
            <translation>Die Untergrenze ({lower:g}) muss unter der Obergrenze ({upper:g}) liegen.</translation>
        </message>
        <message>
            <source>below min.</source>
            <translation>unter Min.</translation>
        </message>
        <message>
            <source>above max.</source>
            <translation>über Max.</translation>
        </message>
        <message>
            <source>The session's layer was removed from the project.</source>
            <translation>Der Layer der Sitzung wurde aus dem Projekt entfernt.</translation>
        </message>
        <message>
            <source>New space from the selected blocks</source>
            <translation>Neuer Sozialraum aus den gewählten Blöcken</translation>
        </message>
        <message>
            <source>Select the blocks of the new space first.</source>
            <translation>Wählen Sie zuerst die Blöcke des neuen Sozialraums aus.</translation>
        </message>
        <message>
            <source>New space {space} of {count} blocks</source>
            <translation type="obsolete">Neuer Sozialraum {space} aus {count} Blöcken</translation>
        </message>
        <message>
            <source>New space {space}: {count} blocks, {population} residents.</source>
            <translation type="obsolete">Neuer Sozialraum {space}: {count} Blöcke, {population} Einwohner.</translation>
        </message>
        <message>
            <source>Split a space in two balanced parts</source>
            <translation>Sozialraum in zwei ausgewogene Teile teilen</translation>
        </message>
        <message>
            <source>Space {space} cannot be split: it has only one block.</source>
            <translation>Sozialraum {space} kann nicht geteilt werden: er hat nur einen Block.</translation>
        </message>
        <message>
            <source>Space {space} cannot be split: it is not contiguous (move its detached parts first).</source>
            <translation>Sozialraum {space} kann nicht geteilt werden: er hängt nicht zusammen (verschieben Sie zuerst seine abgetrennten Teile).</translation>
        </message>
        <message>
            <source>Space {space} cannot be split.</source>
            <translation>Sozialraum {space} kann nicht geteilt werden.</translation>
        </message>
        <message>
            <source>Split space {space} (new space {new})</source>
            <translation>Sozialraum {space} teilen (neuer Sozialraum {new})</translation>
        </message>
        <message>
            <source>Space {space} split: {first} and {second} residents (new space {new}).</source>
            <translation>Sozialraum {space} geteilt: {first} und {second} Einwohner (neuer Sozialraum {new}).</translation>
        </message>
        <message>
            <source>Editing '{layer}': paint, merge, split, make new spaces and lock; every change is one undo step.</source>
            <translation>Bearbeitung von „{layer}“: malen, zusammenlegen, teilen, neue Sozialräume bilden und sperren; jede Änderung ist ein Rückgängig-Schritt.</translation>
        </message>
        <message>
            <source>Reason for the next change (optional)</source>
            <translation>Begründung für die nächste Änderung (optional)</translation>
        </message>
        <message>
            <source>Export log as CSV…</source>
            <translation>Protokoll als CSV exportieren…</translation>
        </message>
        <message>
            <source>Export log as HTML…</source>
            <translation>Protokoll als HTML exportieren…</translation>
        </message>
        <message>
            <source>Export the decision log as CSV</source>
            <translation>Entscheidungsprotokoll als CSV exportieren</translation>
        </message>
        <message>
            <source>Export the decision log as HTML</source>
            <translation>Entscheidungsprotokoll als HTML exportieren</translation>
        </message>
        <message>
            <source>saved</source>
            <translation>gespeichert</translation>
        </message>
        <message>
            <source>not saved yet: stored when the layer's edits are saved</source>
            <translation>noch nicht gespeichert: wird mit den Bearbeitungen des Layers gespeichert</translation>
        </message>
        <message>
            <source>Decision log (newest first)</source>
            <translation>Entscheidungsprotokoll (neueste zuerst)</translation>
        </message>
        <message>
            <source>Time</source>
            <translation>Zeit</translation>
        </message>
        <message>
            <source>Author</source>
            <translation>Verfasser/in</translation>
        </message>
        <message>
            <source>Change</source>
            <translation>Änderung</translation>
        </message>
        <message>
            <source>Residents</source>
            <translation>Einwohner</translation>
        </message>
        <message>
            <source>Reason</source>
            <translation>Begründung</translation>
        </message>
        <message>
            <source>Decision log written to {path}.</source>
            <translation>Entscheidungsprotokoll nach {path} geschrieben.</translation>
        </message>
        <message>
            <source>The decision log could not be written to {path}: {error}</source>
            <translation>Das Entscheidungsprotokoll konnte nicht nach {path} geschrieben werden: {error}</translation>
        </message>
        <message>
            <source>Decision log</source>
            <translation>Entscheidungsprotokoll</translation>
        </message>
        <message>
            <source>Your name for the decision log:</source>
            <translation>Ihr Name für das Entscheidungsprotokoll:</translation>
        </message>
        <message>
            <source>the QGIS project (save the project to keep them)</source>
            <translation>das QGIS-Projekt (speichern Sie das Projekt, um sie zu behalten)</translation>
        </message>
        <message>
            <source>No.</source>
            <translation>Nr.</translation>
        </message>
        <message>
            <source>Kind</source>
            <translation>Art</translation>
        </message>
        <message>
            <source>Block ids</source>
            <translation>Block-IDs</translation>
        </message>
        <message>
            <source>Decision log: {layer}</source>
            <translation>Entscheidungsprotokoll: {layer}</translation>
        </message>
        <message>
            <source>paint</source>
            <translation>malen</translation>
        </message>
        <message>
            <source>merge</source>
            <translation>zusammenlegen</translation>
        </message>
        <message>
            <source>split</source>
            <translation>teilen</translation>
        </message>
        <message>
            <source>new space</source>
            <translation>neuer Raum</translation>
        </message>
        <message>
            <source>lock</source>
            <translation>sperren</translation>
        </message>
        <message>
            <source>unlock</source>
            <translation>entsperren</translation>
        </message>
        <message>
            <source>the table '{table}' in {path}</source>
            <translation>die Tabelle '{table}' in {path}</translation>
        </message>
        <message>
            <source>The decision log could not be written to {place}; it is tried again at the next save.</source>
            <translation>Das Entscheidungsprotokoll konnte nicht in {place} geschrieben werden; beim nächsten Speichern wird es erneut versucht.</translation>
        </message>
        <message>
            <source>{count} changes, oldest first.</source>
            <translation>{count} Änderungen, älteste zuerst.</translation>
        </message>
        <message>
            <source>Writing the report</source>
            <translation>Bericht wird geschrieben</translation>
        </message>
        <message>
            <source>Proposed social spaces: {layer}</source>
            <translation>Vorgeschlagene Sozialräume: {layer}</translation>
        </message>
        <message>
            <source>The map could not be drawn ({problem}); the rest of the report is complete.</source>
            <translation>Die Karte konnte nicht gezeichnet werden ({problem}); der übrige Bericht ist vollständig.</translation>
        </message>
        <message>
            <source>Evaluation of a division: {layer}, field {field}</source>
            <translation>Bewertung einer Gliederung: {layer}, Feld {field}</translation>
        </message>
        <message>
            <source>Shape clean-up after the search: blocks reaching into a neighbouring space moved to it: {tentacles}; enclaves found: {found}, merged into the space around them: {merged}, opened to a second neighbour: {opened}.</source>
            <translation>Formbereinigung nach der Suche: in einen Nachbarraum hineinragende Blöcke, diesem zugeordnet: {tentacles}; gefundene Enklaven: {found}, mit dem umgebenden Raum zusammengelegt: {merged}, zu einem zweiten Nachbarn geöffnet: {opened}.</translation>
        </message>
        <message>
            <source>Enclaves that stay because no change keeps the population bounds: {count} (a block of each: {ids}).</source>
            <translation>Enklaven, die bleiben, weil keine Änderung die Einwohnergrenzen einhält: {count} (je ein Block: {ids}).</translation>
        </message>
        <message>
            <source>Indicator</source>
            <translation>Indikator</translation>
        </message>
        <message>
            <source>Unit</source>
            <translation>Einheit</translation>
        </message>
        <message>
            <source>This space</source>
            <translation>Sozialraum</translation>
        </message>
        <message>
            <source>Municipality</source>
            <translation>Gesamtstadt</translation>
        </message>
        <message>
            <source>Difference</source>
            <translation>Differenz</translation>
        </message>
        <message>
            <source>Age structure: share of the residents in %</source>
            <translation>Altersstruktur: Anteil an den Einwohnern in %</translation>
        </message>
        <message>
            <source>this space</source>
            <translation>dieser Sozialraum</translation>
        </message>
        <message>
            <source>municipality</source>
            <translation>Gesamtstadt</translation>
        </message>
        <message>
            <source>The catalogue has no age groups.</source>
            <translation>Der Katalog enthält keine Altersgruppen.</translation>
        </message>
        <message>
            <source>neighbouring spaces</source>
            <translation>benachbarte Sozialräume</translation>
        </message>
        <message>
            <source>its blocks</source>
            <translation type="obsolete" />
        </message>
        <message>
            <source>".": value suppressed for statistical confidentiality (too few cases, or it would reveal a hidden value). "x": cannot be computed (e.g. no residents or a denominator of 0). Difference: value of the space minus the municipal value (shares in percentage points); counts have none.</source>
            <translation>„.“: Wert aus Datenschutzgründen unterdrückt (zu wenige Fälle, oder er würde einen unterdrückten Wert verraten). „x“: nicht berechenbar (z. B. keine Einwohner oder Nenner 0). Differenz: Wert des Sozialraums minus Wert der Gesamtstadt (bei Anteilen in Prozentpunkten); Anzahlen haben keine.</translation>
        </message>
        <message>
            <source>Municipal values need the blocks layer with the fields of the catalogue.</source>
            <translation>Die Werte der Gesamtstadt erfordern den Baublock-Layer mit den Feldern des Katalogs.</translation>
        </message>
        <message>
            <source>Page {page} of {pages}</source>
            <translation>Seite {page} von {pages}</translation>
        </message>
        <message>
            <source>Social index: {status}</source>
            <translation>Sozialindex: {status}</translation>
        </message>
        <message>
            <source>persons</source>
            <translation>Personen</translation>
        </message>
        <message>
            <source>households</source>
            <translation>Haushalte</translation>
        </message>
        <message>
            <source>buildings</source>
            <translation>Gebäude</translation>
        </message>
        <message>
            <source>residents per square kilometre</source>
            <translation>Einwohner je km²</translation>
        </message>
        <message>
            <source>per 100 aged 18-64</source>
            <translation>je 100 im Alter von 18–64</translation>
        </message>
        <message>
            <source>Create social-space profiles</source>
            <translation>Sozialraumprofile erstellen</translation>
        </message>
        <message>
            <source>Makes a profile sheet for every social space: one A4 page per space in one PDF, for the council, the district offices or a consultation. Each page has the space's name, a map of the space with its blocks and the neighbouring spaces (with a scale bar), the residents and their age structure as a bar chart (black mark: the municipal share), the table of the catalogue's indicators with the value of the space, the municipal value and the difference, and the social index class and type. Suppressed values are printed as '.', values that cannot be computed as 'x'; the footnote says so.

Parameters: Spaces with indicators: the output of 'Push indicators to spaces' or of 'Social index and types'. Space id field and name field (optional): what the title shows. Blocks (optional): drawn on the map and used for the municipal values, which are summed over all blocks and then divided, as in 'Push indicators to spaces' (without blocks the municipal column stays empty); with the blocks' space field the blocks of the page's space are highlighted. Catalogue: the one used for the indicators. Index class and type fields: as written by 'Social index and types' (si_label, space_type); left out when the layer has none. Language: of the labels and texts on the pages (German: German labels of the catalogue and decimal comma). PNG folder (optional): one PNG per space as well. Save the layout into the project: the layout (named as given) appears in the Layout Manager, where you can restyle it and export it again; the charts and tables it shows are the SVG files in the folder beside the PDF. Run with qgis_process there is no project to keep it: the PDF is made, the layout is not kept.

Example (sample town, after 'make demo'): Spaces with indicators = demo/social_index.gpkg, id field space_id, blocks = demo/spaces_blocks.gpkg with space field space_id, language Deutsch, output demo/profiles.pdf: 34 pages, one per proposed space.</source>
            <translation>Erstellt für jeden Sozialraum ein Profilblatt: eine A4-Seite je Sozialraum in einer PDF-Datei, für den Rat, die Bezirksverwaltungen oder eine Beteiligung. Jede Seite zeigt den Namen des Sozialraums, eine Karte des Sozialraums mit seinen Baublöcken und den benachbarten Sozialräumen (mit Maßstabsleiste), die Einwohner und ihre Altersstruktur als Balkendiagramm (schwarze Marke: der Anteil in der Gesamtstadt), die Tabelle der Indikatoren des Katalogs mit dem Wert des Sozialraums, dem Wert der Gesamtstadt und der Differenz sowie Klasse des Sozialindex und Typ. Unterdrückte Werte erscheinen als „.“, nicht berechenbare als „x“; die Fußnote erklärt das.

Parameter: Sozialräume mit Indikatoren: die Ausgabe von „Indikatoren auf Sozialräume übertragen“ oder von „Sozialindex und Raumtypen“. Feld mit der Sozialraum-ID und Namensfeld (optional): was der Titel zeigt. Baublöcke (optional): werden in der Karte gezeigt und für die Werte der Gesamtstadt verwendet, die über alle Baublöcke summiert und dann geteilt werden, wie bei „Indikatoren auf Sozialräume übertragen“ (ohne Baublöcke bleibt die Spalte der Gesamtstadt leer); mit dem Sozialraumfeld der Baublöcke werden die Baublöcke des Sozialraums der Seite hervorgehoben. Katalog: derselbe wie für die Indikatoren. Felder für Indexklasse und Typ: wie von „Sozialindex und Raumtypen“ geschrieben (si_label, space_type); entfallen, wenn der Layer sie nicht hat. Sprache: der Beschriftungen und Texte auf den Seiten (Deutsch: deutsche Bezeichnungen des Katalogs und Dezimalkomma). PNG-Ordner (optional): zusätzlich ein PNG je Sozialraum. Layout im Projekt speichern: das Layout (mit dem angegebenen Namen) erscheint in der Layoutverwaltung, wo Sie es umgestalten und erneut exportieren können; die Diagramme und Tabellen darin sind die SVG-Dateien im Ordner neben der PDF-Datei. Mit qgis_process gibt es kein Projekt, das es behält: die PDF-Datei entsteht, das Layout bleibt nicht erhalten.

Beispiel (Musterstadt, nach „make demo“): Sozialräume mit Indikatoren = demo/social_index.gpkg, ID-Feld space_id, Baublöcke = demo/spaces_blocks.gpkg mit Sozialraumfeld space_id, Sprache Deutsch, Ausgabe demo/profiles.pdf: 34 Seiten, eine je vorgeschlagenem Sozialraum.</translation>
        </message>
        <message>
            <source>Reading the spaces</source>
            <translation>Sozialräume werden gelesen</translation>
        </message>
        <message>
            <source>Computing the municipal values</source>
            <translation>Werte der Gesamtstadt werden berechnet</translation>
        </message>
        <message>
            <source>Drawing the charts and tables</source>
            <translation>Diagramme und Tabellen werden gezeichnet</translation>
        </message>
        <message>
            <source>Exporting the pages</source>
            <translation>Seiten werden exportiert</translation>
        </message>
        <message>
            <source>Space id field</source>
            <translation>Feld mit der Sozialraum-ID</translation>
        </message>
        <message>
            <source>Space name field (optional)</source>
            <translation type="obsolete">Feld mit dem Namen des Sozialraums (optional)</translation>
        </message>
        <message>
            <source>Blocks (map and municipal values; optional)</source>
            <translation type="obsolete">Baublöcke (Karte und Werte der Gesamtstadt; optional)</translation>
        </message>
        <message>
            <source>Space field of the blocks (optional)</source>
            <translation type="obsolete">Sozialraumfeld der Baublöcke (optional)</translation>
        </message>
        <message>
            <source>Index class field</source>
            <translation>Feld der Indexklasse</translation>
        </message>
        <message>
            <source>Type field</source>
            <translation>Feld des Typs</translation>
        </message>
        <message>
            <source>Save the layout into the project</source>
            <translation>Layout im Projekt speichern</translation>
        </message>
        <message>
            <source>Layout name</source>
            <translation>Name des Layouts</translation>
        </message>
        <message>
            <source>Profiles (PDF)</source>
            <translation>Profile (PDF)</translation>
        </message>
        <message>
            <source>PDF files (*.pdf)</source>
            <translation>PDF-Dateien (*.pdf)</translation>
        </message>
        <message>
            <source>Folder for one PNG per space</source>
            <translation>Ordner für ein PNG je Sozialraum</translation>
        </message>
        <message>
            <source>Number of pages</source>
            <translation>Anzahl der Seiten</translation>
        </message>
        <message>
            <source>No blocks: the pages show no municipal values and the maps no blocks.</source>
            <translation>Keine Baublöcke: die Seiten zeigen keine Werte der Gesamtstadt und die Karten keine Baublöcke.</translation>
        </message>
        <message>
            <source>{pages} profile pages written to {file} in {seconds:.1f} s.</source>
            <translation type="obsolete">{pages} Profilseiten in {seconds:.1f} s nach {file} geschrieben.</translation>
        </message>
        <message>
            <source>The layer {layer} has no field for {count} indicators of the catalogue: {ids}. Use the output of 'Push indicators to spaces' made with the same catalogue.</source>
            <translation>Der Layer {layer} hat für {count} Indikatoren des Katalogs kein Feld: {ids}. Verwenden Sie die Ausgabe von „Indikatoren auf Sozialräume übertragen“ mit demselben Katalog.</translation>
        </message>
        <message>
            <source>The blocks have no field {fields}: the municipal values are left empty.</source>
            <translation>Den Baublöcken fehlt das Feld {fields}: die Werte der Gesamtstadt bleiben leer.</translation>
        </message>
        <message>
            <source>The layer {layer} has no features: there is no space to make a profile of.</source>
            <translation>Der Layer {layer} hat keine Objekte: es gibt keinen Sozialraum für ein Profil.</translation>
        </message>
        <message>
            <source>The field '{field}' is not in the layer {layer}.</source>
            <translation>Das Feld „{field}“ ist nicht im Layer {layer}.</translation>
        </message>
        <message>
            <source>The id field has duplicate values: {values}. Choose a field with one value per space.</source>
            <translation>Das ID-Feld hat doppelte Werte: {values}. Wählen Sie ein Feld mit einem Wert je Sozialraum.</translation>
        </message>
        <message>
            <source>The layout '{name}' is in the project's Layout Manager; the layers {layers} are not in the project, so after reopening it the layout shows them only once you add them and choose them again.</source>
            <translation>Das Layout „{name}“ ist in der Layoutverwaltung des Projekts; die Layer {layers} sind nicht im Projekt, daher zeigt das Layout sie nach dem erneuten Öffnen erst, wenn Sie sie hinzufügen und erneut auswählen.</translation>
        </message>
        <message>
            <source>The layout '{name}' is in the project's Layout Manager.</source>
            <translation>Das Layout „{name}“ ist in der Layoutverwaltung des Projekts.</translation>
        </message>
        <message>
            <source>the export failed (is the file open in another program?)</source>
            <translation>der Export ist fehlgeschlagen (ist die Datei in einem anderen Programm geöffnet?)</translation>
        </message>
        <message>
            <source>The layer has no field '{field}': the pages show none.</source>
            <translation>Der Layer hat kein Feld „{field}“: die Seiten zeigen es nicht.</translation>
        </message>
        <message>
            <source>Social space (one colour each; label: space and residents)</source>
            <translation>Sozialraum (je eine Farbe; Beschriftung: Raum und Einwohner)</translation>
        </message>
        <message>
            <source>Outside the population bounds or flagged (red outline)</source>
            <translation>Außerhalb der Einwohnergrenzen oder markiert (roter Umriss)</translation>
        </message>
        <message>
            <source>Barrier: {layer}</source>
            <translation>Barriere: {layer}</translation>
        </message>
        <message>
            <source>(none)</source>
            <translation>(keine)</translation>
        </message>
        <message>
            <source>temporary layer</source>
            <translation>temporärer Layer</translation>
        </message>
        <message>
            <source>selected features only</source>
            <translation>nur ausgewählte Objekte</translation>
        </message>
        <message>
            <source>Only the selected features of '{layer}' were used; the command uses the whole layer.</source>
            <translation>Von '{layer}' wurden nur die ausgewählten Objekte verwendet; der Befehl verwendet den ganzen Layer.</translation>
        </message>
        <message>
            <source>'{layer}' is a temporary layer: save it to a file and put its path into the command.</source>
            <translation>'{layer}' ist ein temporärer Layer: Speichern Sie ihn als Datei und setzen Sie ihren Pfad in den Befehl ein.</translation>
        </message>
        <message>
            <source>Split a space along a drawn line</source>
            <translation>Raum entlang einer gezeichneten Linie teilen</translation>
        </message>
        <message>
            <source>Presentation mode (meeting)</source>
            <translation>Präsentationsmodus (Sitzung)</translation>
        </message>
        <message>
            <source>Before/after: the division as last saved</source>
            <translation>Vorher/Nachher: die Einteilung wie zuletzt gespeichert</translation>
        </message>
        <message>
            <source>Residents per space</source>
            <translation>Einwohner je Raum</translation>
        </message>
        <message>
            <source>Minimum</source>
            <translation>Minimum</translation>
        </message>
        <message>
            <source>Maximum</source>
            <translation>Maximum</translation>
        </message>
        <message>
            <source>below the minimum</source>
            <translation>unter dem Minimum</translation>
        </message>
        <message>
            <source>within the bounds</source>
            <translation>innerhalb der Grenzen</translation>
        </message>
        <message>
            <source>above the maximum</source>
            <translation>über dem Maximum</translation>
        </message>
        <message>
            <source>Quality of the division</source>
            <translation type="obsolete" />
        </message>
        <message>
            <source>Map of the spaces</source>
            <translation>Karte der Räume</translation>
        </message>
        <message>
            <source>Number of spaces by residents; the dashed lines are the minimum and the maximum population, the grey areas lie outside them.</source>
            <translation>Anzahl der Räume nach Einwohnerzahl; die gestrichelten Linien sind die Mindest- und die Höchsteinwohnerzahl, die grauen Flächen liegen außerhalb.</translation>
        </message>
        <message>
            <source>Population of the spaces</source>
            <translation>Einwohner der Räume</translation>
        </message>
        <message>
            <source>The same run from a shell, with the Sozialraum plugin enabled in QGIS (on Debian the program is called qgis_process.bin). The same inputs, parameters and seed give the same result.</source>
            <translation>Derselbe Lauf aus einer Shell, mit aktiviertem Sozialraum-Plugin in QGIS (unter Debian heißt das Programm qgis_process.bin). Dieselben Eingaben, Parameter und derselbe Startwert ergeben dasselbe Ergebnis.</translation>
        </message>
        <message>
            <source>How to reproduce this run</source>
            <translation>So lässt sich dieser Lauf wiederholen</translation>
        </message>
        <message>
            <source>below the minimum population ({population} &lt; {lower})</source>
            <translation>unter der Mindesteinwohnerzahl ({population} &lt; {lower})</translation>
        </message>
        <message>
            <source>above the maximum population ({population} &gt; {upper})</source>
            <translation>über der Höchsteinwohnerzahl ({population} &gt; {upper})</translation>
        </message>
        <message>
            <source>not contiguous ({parts} parts)</source>
            <translation>nicht zusammenhängend ({parts} Teile)</translation>
        </message>
        <message>
            <source>holds {count} enclaves (holes in its outline filled by another space)</source>
            <translation>enthält {count} Enklaven (Löcher im Umriss, die ein anderer Raum füllt)</translation>
        </message>
        <message>
            <source>low compactness (Polsby-Popper {value} &lt; {limit})</source>
            <translation>wenig kompakt (Polsby-Popper {value} &lt; {limit})</translation>
        </message>
        <message>
            <source>crosses barrier lines {count} times</source>
            <translation>überquert Barrierelinien {count}-mal</translation>
        </message>
        <message>
            <source>spans {count} units of the nesting field</source>
            <translation>erstreckt sich über {count} Einheiten des Schachtelungsfelds</translation>
        </message>
        <message>
            <source>one block alone has more residents than the maximum (kept as its own space)</source>
            <translation>ein einzelner Block hat mehr Einwohner als das Maximum (bleibt ein eigener Raum)</translation>
        </message>
        <message>
            <source>holds an island cut off by barriers, joined to its nearest block</source>
            <translation>enthält eine durch Barrieren abgeschnittene Insel, an ihren nächsten Block angeschlossen</translation>
        </message>
        <message>
            <source>locked: kept as in the initial division</source>
            <translation>gesperrt: wie in der Ausgangsgliederung belassen</translation>
        </message>
        <message>
            <source>Reasons</source>
            <translation>Gründe</translation>
        </message>
        <message>
            <source>No space is flagged: all lie within the population bounds, are contiguous and reasonably compact.</source>
            <translation type="obsolete">Kein Raum ist markiert: alle liegen innerhalb der Einwohnergrenzen, hängen zusammen und sind ausreichend kompakt.</translation>
        </message>
        <message>
            <source>Before</source>
            <translation>Vorher</translation>
        </message>
        <message>
            <source>Before (as last saved)</source>
            <translation>Vorher (zuletzt gespeichert)</translation>
        </message>
        <message>
            <source>The division as last saved; the main map shows it with the changes of this session.</source>
            <translation>Die Einteilung wie zuletzt gespeichert; die Hauptkarte zeigt sie mit den Änderungen dieser Sitzung.</translation>
        </message>
        <message>
            <source>Refresh</source>
            <translation>Aktualisieren</translation>
        </message>
        <message>
            <source>Live spaces layer</source>
            <translation>Live-Layer der Sozialräume</translation>
        </message>
        <message>
            <source>A layer of the dissolved spaces with population, status and the attributes' means, updated after every change (for maps and labels during the meeting).</source>
            <translation>Ein Layer der zusammengefassten Sozialräume mit Einwohnerzahl, Status und den Mittelwerten der Merkmale, nach jeder Änderung aktualisiert (für Karten und Beschriftungen während der Sitzung).</translation>
        </message>
        <message>
            <source>Re-optimise…</source>
            <translation>Neu optimieren…</translation>
        </message>
        <message>
            <source>Let the engine improve the division around the decisions: locked spaces and blocks placed by hand stay as they are. Shows a preview first.</source>
            <translation>Die Einteilung rund um die Entscheidungen vom Verfahren verbessern lassen: gesperrte Sozialräume und von Hand zugeordnete Blöcke bleiben, wie sie sind. Zeigt zuerst eine Vorschau.</translation>
        </message>
        <message>
            <source>Apply</source>
            <translation>Übernehmen</translation>
        </message>
        <message>
            <source>Discard</source>
            <translation>Verwerfen</translation>
        </message>
        <message>
            <source>re-optimised</source>
            <translation>neu optimiert</translation>
        </message>
        <message>
            <source>Social spaces (live)</source>
            <translation>Sozialräume (live)</translation>
        </message>
        <message>
            <source>Re-optimisation would move {blocks} blocks (outlined in orange on the map). Problems {problems_before} → {problems_after}; SSD share {ssd_before:.3f} → {ssd_after:.3f}. Blocks placed by hand ({fixed}) and locked spaces ({locked}) stay as they are.</source>
            <translation type="obsolete" />
        </message>
        <message>
            <source>There is no re-optimisation to apply.</source>
            <translation>Es gibt keine Neuoptimierung zum Übernehmen.</translation>
        </message>
        <message>
            <source>The division changed since the preview: re-optimise again.</source>
            <translation>Die Einteilung hat sich seit der Vorschau geändert: bitte erneut optimieren.</translation>
        </message>
        <message>
            <source>Re-optimisation finds no better division around the decisions (blocks placed by hand: {fixed}, locked spaces: {locked}).</source>
            <translation>Die Neuoptimierung findet keine bessere Einteilung rund um die Entscheidungen (von Hand zugeordnete Blöcke: {fixed}, gesperrte Sozialräume: {locked}).</translation>
        </message>
        <message>
            <source>Re-optimise: {blocks} blocks, {population} residents moved</source>
            <translation type="obsolete">Neu optimiert: {blocks} Blöcke, {population} Einwohner verschoben</translation>
        </message>
        <message>
            <source>The line does not divide space {space}: all its blocks lie on one side. Draw it across the space, from edge to edge.</source>
            <translation>Die Linie teilt Raum {space} nicht: alle seine Blöcke liegen auf einer Seite. Zeichnen Sie sie quer durch den Raum, von Rand zu Rand.</translation>
        </message>
        <message>
            <source>The line crosses itself: draw it once across space {space}.</source>
            <translation>Die Linie kreuzt sich selbst: zeichnen Sie sie einmal quer durch Raum {space}.</translation>
        </message>
        <message>
            <source>Draw a line of at least two points across space {space}.</source>
            <translation>Zeichnen Sie eine Linie aus mindestens zwei Punkten quer durch Raum {space}.</translation>
        </message>
        <message>
            <source>Split space {space}: click along the dividing line, right-click to split.</source>
            <translation>Raum {space} teilen: entlang der Trennlinie klicken, Rechtsklick teilt.</translation>
        </message>
        <message>
            <source>Split space {space} along a line (new space {new})</source>
            <translation>Raum {space} entlang einer Linie teilen (neuer Raum {new})</translation>
        </message>
        <message>
            <source>Space {space} split along the line: {first} and {second} residents (new space {new}).</source>
            <translation>Raum {space} entlang der Linie geteilt: {first} und {second} Einwohner (neuer Raum {new}).</translation>
        </message>
        <message>
            <source>Example (sample town Musterstadt, {sample}): Blocks = layer blocks, block id field = block_id, population field = pop_total, barriers = layer barriers, gap distance = 30 m. The log reports about 11,300 links and one island of 11 blocks (539 residents) cut off by the river; the links layer shows that no link crosses the railway.</source>
            <translation>Beispiel (Musterstadt, {sample}): Blöcke = Layer blocks, Block-ID-Feld = block_id, Einwohnerfeld = pop_total, Barrieren = Layer barriers, Lückenabstand = 30 m. Das Protokoll meldet rund 11.300 Nachbarschaften und eine vom Fluss abgeschnittene Insel aus 11 Blöcken (539 Einwohner); der Layer der Verbindungen zeigt, dass keine Verbindung die Bahnlinie quert.</translation>
        </message>
        <message>
            <source>Example (sample town Musterstadt, {sample}): the blocks hold counts, so first add rate fields with the field calculator, e.g. sgb2_rate = 100 * sgb2_persons / (pop_total - pop_65plus) and old_share = 100 * pop_65plus / pop_total (scripts/sample_rates.py lists the eleven the demo uses). Then: population field = pop_total, attributes = the rate fields, building-structure attributes = houses_share, highrise_share, prewar_share, postwar_share, floor_per_head, balance groups on, minimum 700, maximum 8,500, number of spaces 0 (automatic), barriers = layer barriers, seed 1. Result: 34 spaces between 848 and 8,496 residents, all contiguous, no enclave.</source>
            <translation type="obsolete">Beispiel (Musterstadt, {sample}): Die Blöcke enthalten Fallzahlen, daher zuerst mit dem Feldrechner Quotenfelder anlegen, z. B. sgb2_rate = 100 * sgb2_persons / (pop_total - pop_65plus) und old_share = 100 * pop_65plus / pop_total (scripts/sample_rates.py listet die elf, die die Demo verwendet). Dann: Einwohnerfeld = pop_total, Merkmale = die Quotenfelder, Merkmale der Baustruktur = houses_share, highrise_share, prewar_share, postwar_share, floor_per_head, Gruppen ausgleichen an, Minimum 700, Maximum 8.500, Anzahl der Räume 0 (automatisch), Barrieren = Layer barriers, Startwert 1. Ergebnis: 34 Räume zwischen 848 und 8.496 Einwohnern, alle zusammenhängend, keine Enklave.</translation>
        </message>
        <message>
            <source>Example (sample town Musterstadt, {sample}): Blocks = the blocks output of 'Propose social spaces' after the consultation, space field = space_id, population field = pop_total, the same attributes, bounds and barriers as the proposal. The report shows which spaces the edits pushed outside the bounds or left in two parts; its SSD share and Polsby-Popper figures can be set beside the proposal's report to show what the edits cost in homogeneity and shape.</source>
            <translation>Beispiel (Musterstadt, {sample}): Blöcke = die Blockausgabe von „Sozialräume vorschlagen“ nach der Abstimmung, Raumfeld = space_id, Einwohnerfeld = pop_total, dieselben Merkmale, Grenzen und Barrieren wie beim Vorschlag. Der Bericht zeigt, welche Räume durch die Änderungen außerhalb der Grenzen liegen oder in zwei Teile zerfallen; SSD-Anteil und Polsby-Popper lassen sich neben den Bericht des Vorschlags legen, um zu zeigen, was die Änderungen an Homogenität und Form kosten.</translation>
        </message>
        <message>
            <source>Example (sample town Musterstadt, {sample}): Blocks = the blocks output of 'Propose social spaces', space field = space_id, block id field = block_id, catalogue empty (the bundled one), confidentiality on with at least 3 cases per cell and 300 residents for rates, language German. The spaces layer gets all 41 indicators of the catalogue; the municipal total is a separate output, so every space can be compared with the whole town.</source>
            <translation>Beispiel (Musterstadt, {sample}): Blöcke = die Blockausgabe von „Sozialräume vorschlagen“, Raumfeld = space_id, Block-ID-Feld = block_id, Katalog leer (der mitgelieferte), Geheimhaltung an mit mindestens 3 Fällen je Zelle und 300 Einwohnern für Quoten, Sprache Deutsch. Der Raum-Layer erhält alle 41 Indikatoren des Katalogs; die Gesamtstadt ist eine eigene Ausgabe, so lässt sich jeder Raum mit der ganzen Stadt vergleichen.</translation>
        </message>
        <message>
            <source>Example (sample town Musterstadt, {sample}): Blocks = layer blocks, spaces = polygons drawn freely in a consultation (e.g. a new school district), split blocks by = area share, or by weight points (address points with the number of residents, when residents live only where buildings are). The output carries the same indicators as 'Push indicators to spaces', with counts split by the chosen weights.</source>
            <translation>Beispiel (Musterstadt, {sample}): Blöcke = Layer blocks, Räume = in einer Abstimmung frei gezeichnete Polygone (z. B. ein neuer Schulbezirk), Blöcke aufteilen nach = Flächenanteil, oder nach Gewichtungspunkten (Adresspunkte mit der Zahl der Einwohner, wenn Einwohner nur dort wohnen, wo Gebäude stehen). Die Ausgabe trägt dieselben Indikatoren wie „Indikatoren auf Sozialräume übertragen“, mit nach den gewählten Gewichten aufgeteilten Fallzahlen.</translation>
        </message>
        <message>
            <source>Example (sample town Musterstadt, {sample}): Spaces = the output of 'Push indicators to spaces', space field = space_id, rates = sgb2_rate, unemployment, child_poverty, single_parents, foreigners_share, floor_area_per_head (signs from the catalogue), population field = pop_total, minimum population 300, number of types = 0 (chosen by silhouette). Spaces above +1 (or +1.5) have a high need; the type profiles table explains what each type stands for.</source>
            <translation>Beispiel (Musterstadt, {sample}): Räume = die Ausgabe von „Indikatoren auf Sozialräume übertragen“, Raumfeld = space_id, Quoten = sgb2_rate, unemployment, child_poverty, single_parents, foreigners_share, floor_area_per_head (Vorzeichen aus dem Katalog), Einwohnerfeld = pop_total, Mindesteinwohnerzahl 300, Anzahl der Typen = 0 (nach Silhouette gewählt). Räume über +1 (oder +1,5) haben einen hohen Bedarf; die Tabelle der Typprofile erklärt, wofür jeder Typ steht.</translation>
        </message>
        <message>
            <source>Example (sample town Musterstadt, {sample}): Blocks = the blocks output of 'Propose social spaces' with a second field holding the division after the consultation, old field = space_id, new field = that field, population field = pop_total. The report lists every block that changed space and how many residents each space kept.</source>
            <translation>Beispiel (Musterstadt, {sample}): Blöcke = die Blockausgabe von „Sozialräume vorschlagen“ mit einem zweiten Feld, das die Einteilung nach der Abstimmung enthält, altes Feld = space_id, neues Feld = dieses Feld, Einwohnerfeld = pop_total. Der Bericht listet jeden Block, der den Raum gewechselt hat, und wie viele Einwohner jeder Raum behalten hat.</translation>
        </message>
        <message>
            <source>Groups blocks into contiguous social spaces that are internally alike in the chosen attributes (social indicators and building structure), with every space's population between the minimum and the maximum.

Attributes are standardised (z-scores) and weighted (WEIGHTS, e.g. 'sgb2_rate=2;old_share=0,5': pairs separated by ';', either decimal mark); with 'balance groups', the building-structure attributes together get the same weight as the social ones. Use rates or shares (e.g. SGB II rate), not raw counts, unless size should matter.

Number of spaces: 0 chooses it automatically as population / middle of the population band, within what the bounds allow in each part of the town; the log says how it was chosen.

Neighbourhood: as in 'Build block adjacency' (gap distance across streets, barrier lines cut links, blocks in different nesting units are never in one space). Initial division: a field with an existing division to start from; locked spaces (comma-separated values of that field) stay exactly as they are.

Objective: the within-space sum of squares of the attributes plus the compactness weight times the length of the boundaries between spaces (street gaps between blocks of one space do not count). The default weight gives compact spaces at nearly the same homogeneity; 0 optimises homogeneity alone, larger values give rounder spaces. With 'weight blocks by residents' (default) every block counts with its residents, so parks, industry and other blocks without residents weigh nothing and go to the neighbouring space that gives the shorter boundary; switched off, every block counts the same.

If the bounds cannot hold (a block above the maximum, a part cut off by barriers with fewer residents than the minimum, an impossible number of spaces) the algorithm either stops with a message naming the blocks, or applies the fallback: such a block becomes its own space, an island joins its nearest block in the same nesting unit (alone in its unit it stays its own space, below the minimum); these spaces are flagged in the output.

Outputs: the blocks with space_id, the dissolved spaces (population, blocks, SSD, Polsby-Popper compactness, convex-hull ratio, enclaves, status ok/below/above/flagged/locked, flags) and an optional HTML report; as numbers the SSD share unweighted and weighted by residents, the mean Polsby-Popper and the number of enclaves. The same seed gives the same result.

The HTML report is a document to hand on: quality figures, a map, the population histogram with the bounds, the flagged spaces with reasons, all parameters and the qgis_process command that repeats the run.</source>
            <translation type="obsolete">Fasst Blöcke zu zusammenhängenden Sozialräumen zusammen, die in den gewählten Merkmalen (Sozialindikatoren und Bebauungsstruktur) in sich ähnlich sind und deren Einwohnerzahl jeweils zwischen Minimum und Maximum liegt.

Die Merkmale werden standardisiert (z-Werte) und gewichtet (WEIGHTS, z. B. 'sgb2_rate=2;old_share=0,5': Paare durch ';' getrennt, Dezimalkomma oder -punkt); mit 'Gruppen ausgleichen' erhalten die Merkmale der Bebauungsstruktur zusammen dasselbe Gewicht wie die sozialen. Verwenden Sie Quoten oder Anteile (z. B. SGB-II-Quote), keine absoluten Zahlen, außer die Größe soll zählen.

Zahl der Räume: 0 wählt sie automatisch als Einwohnerzahl / Mitte der Einwohnerspanne, soweit die Grenzen es in jedem Teil der Stadt zulassen; das Protokoll nennt die Wahl.

Nachbarschaft: wie in 'Blocknachbarschaft bilden' (Lückenabstand über Straßen, Barrierelinien trennen Verbindungen, Blöcke verschiedener Verschachtelungseinheiten liegen nie in einem Raum). Ausgangsgliederung: ein Feld mit einer bestehenden Gliederung als Start; gesperrte Räume (kommagetrennte Werte dieses Feldes) bleiben genau so, wie sie sind.

Zielfunktion: die Quadratsumme der Merkmale innerhalb der Räume plus das Kompaktheitsgewicht mal der Länge der Grenzen zwischen den Räumen (Straßenlücken zwischen Blöcken eines Raums zählen nicht). Das voreingestellte Gewicht ergibt kompakte Räume bei nahezu gleicher Homogenität; 0 optimiert allein die Homogenität, größere Werte ergeben rundere Räume. Mit 'Blöcke nach Einwohnern gewichten' (voreingestellt) zählt jeder Block mit seinen Einwohnern, sodass Parks, Gewerbe und andere Blöcke ohne Einwohner nichts wiegen und dem Nachbarraum zufallen, der die kürzere Grenze ergibt; ausgeschaltet zählt jeder Block gleich.

Wenn die Grenzen nicht einzuhalten sind (ein Block über dem Maximum, ein durch Barrieren abgeschnittener Teil mit weniger Einwohnern als dem Minimum, eine unmögliche Zahl von Räumen), bricht der Algorithmus entweder mit einer Meldung ab, die die Blöcke nennt, oder wendet die Ersatzlösung an: Ein solcher Block wird ein eigener Raum, eine Insel schließt sich ihrem nächsten Block in derselben Verschachtelungseinheit an (allein in ihrer Einheit bleibt sie ein eigener Raum unter dem Minimum); diese Räume werden in der Ausgabe markiert.

Ausgaben: die Blöcke mit space_id, die zusammengeführten Räume (Einwohner, Blöcke, SSD, Kompaktheit nach Polsby-Popper, Anteil an der konvexen Hülle, Enklaven, Status ok/below/above/flagged/locked, Markierungen) und ein optionaler HTML-Bericht; als Zahlen der SSD-Anteil ungewichtet und nach Einwohnern gewichtet, der mittlere Polsby-Popper-Wert und die Zahl der Enklaven. Derselbe Startwert liefert dasselbe Ergebnis.

Der HTML-Bericht ist ein Dokument zum Weitergeben: Gütemaße, eine Karte, das Einwohner-Histogramm mit den Grenzen, die markierten Räume mit Gründen, alle Parameter und der qgis_process-Befehl, der den Lauf wiederholt.</translation>
        </message>
        <message>
            <source>Within / total sum of squares, blocks weighted by residents</source>
            <translation>Innere / gesamte Quadratsumme, Blöcke nach Einwohnern gewichtet</translation>
        </message>
        <message>
            <source>Enclaves (spaces inside another space)</source>
            <translation>Enklaven (Räume innerhalb eines anderen Raums)</translation>
        </message>
        <message>
            <source>Scores an existing division of blocks into spaces (a field with the space of each block) with the same rules as 'Propose social spaces': homogeneity as the share of the within-space sum of squares in the total (SSD share; attributes standardised and weighted as there), population per space against the minimum and maximum, contiguity (spaces in several parts), barrier crossings inside spaces, shape (Polsby-Popper and convex-hull ratio of the outline with street gaps closed; enclaves: holes of the outline filled by another space) and spaces spanning more than one unit of the nesting field.

Outputs: one feature per space with its scores, and an HTML report to hand on: the quality figures, a map, the population histogram with the bounds, the flagged spaces with reasons, the table of spaces, the five least compact spaces, all parameters and the qgis_process command that repeats the run. Blocks without a space value are counted and listed.</source>
            <translation>Bewertet eine bestehende Gliederung von Blöcken in Räume (ein Feld mit dem Raum jedes Blocks) nach denselben Regeln wie 'Sozialräume vorschlagen': Homogenität als Anteil der Quadratsumme innerhalb der Räume an der gesamten (SSD-Anteil; Merkmale standardisiert und gewichtet wie dort), Einwohner je Raum gegenüber Minimum und Maximum, Zusammenhang (Räume aus mehreren Teilen), Barrierequerungen innerhalb von Räumen, Form (Polsby-Popper und Anteil an der konvexen Hülle des Umrisses mit geschlossenen Straßenlücken; Enklaven: Löcher des Umrisses, die ein anderer Raum füllt) und Räume über mehr als eine Einheit des Verschachtelungsfeldes.

Ausgaben: ein Objekt je Raum mit seinen Kennzahlen und ein HTML-Bericht zum Weitergeben: die Gütemaße, eine Karte, das Einwohner-Histogramm mit den Grenzen, die markierten Räume mit Gründen, die Raumtabelle, die fünf am wenigsten kompakten Räume, alle Parameter und der qgis_process-Befehl, der den Lauf wiederholt. Blöcke ohne Raumwert werden gezählt und aufgeführt.</translation>
        </message>
        <message>
            <source>No project is open (as with qgis_process): the layout is not kept, the PDF has every page.</source>
            <translation>Kein Projekt geöffnet (wie bei qgis_process): das Layout wird nicht behalten, die PDF-Datei enthält alle Seiten.</translation>
        </message>
        <message>
            <source>The division changed since the preview: the re-optimisation preview was discarded. Re-optimise again when you are ready.</source>
            <translation>Die Einteilung hat sich seit der Vorschau geändert: die Vorschau der Neuoptimierung wurde verworfen. Bei Bedarf erneut optimieren.</translation>
        </message>
        <message>
            <source>Re-optimisation would move {blocks} blocks (outlined in blue on the map). Problems {problems_before} → {problems_after}; SSD share {ssd_before:.3f} → {ssd_after:.3f}. Blocks placed by hand ({fixed}) and locked spaces ({locked}) stay as they are.</source>
            <translation type="obsolete">Die Neuoptimierung würde {blocks} Blöcke verschieben (auf der Karte blau umrandet). Probleme {problems_before} → {problems_after}; SSD-Anteil {ssd_before:.3f} → {ssd_after:.3f}. Von Hand zugeordnete Blöcke ({fixed}) und gesperrte Sozialräume ({locked}) bleiben, wie sie sind.</translation>
        </message>
        <message>
            <source>Space {space} was locked since the preview: re-optimise again.</source>
            <translation>Der Sozialraum {space} wurde seit der Vorschau gesperrt: bitte erneut optimieren.</translation>
        </message>
        <message>
            <source>{spaces} spaces, {population} residents in {blocks} blocks; bounds {lower}–{upper}. Problems: {problems} ({below} below, {above} above, {split} not contiguous); {locked} locked. SSD share {share}</source>
            <translation type="obsolete">{spaces} Sozialräume, {population} Einwohner in {blocks} Blöcken; Grenzen {lower}–{upper}. Probleme: {problems} ({below} darunter, {above} darüber, {split} nicht zusammenhängend); {locked} gesperrt. SSD-Anteil {share}</translation>
        </message>
        <message>
            <source>Re-optimisation would move {blocks} blocks (outlined in blue on the map). Problems {problems_before} → {problems_after}; SSD share {ssd_before} → {ssd_after}. Blocks placed by hand ({fixed}) and locked spaces ({locked}) stay as they are.</source>
            <translation type="obsolete">Die Neuoptimierung würde {blocks} Blöcke verschieben (auf der Karte blau umrandet). Probleme {problems_before} → {problems_after}; SSD-Anteil {ssd_before} → {ssd_after}. Von Hand zugeordnete Blöcke ({fixed}) und gesperrte Sozialräume ({locked}) bleiben, wie sie sind.</translation>
        </message>
        <message>
            <source>The layer has no coordinate reference system: set it in the layer properties (Source), otherwise clicks on the map may miss the blocks.</source>
            <translation>Der Layer hat kein Koordinatenbezugssystem: Legen Sie es in den Layereigenschaften fest (Quelle), sonst können Klicks in die Karte die Blöcke verfehlen.</translation>
        </message>
        <message>
            <source>The layer is in {layer_crs}, the map in {map_crs}: clicks are transformed into the layer's CRS.</source>
            <translation>Der Layer liegt in {layer_crs}, die Karte in {map_crs}: Klicks werden in das KBS des Layers umgerechnet.</translation>
        </message>
        <message>
            <source>expected field=weight, e.g. 'sgb2_rate=2;bld_highrise=0,5' (quote a field name that holds ',' or '=')</source>
            <translation>erwartet Feld=Gewicht, z. B. 'sgb2_rate=2;bld_highrise=0,5' (einen Feldnamen mit ',' oder '=' in Anführungszeichen setzen)</translation>
        </message>
        <message>
            <source>is not one of the chosen attributes</source>
            <translation>ist keines der gewählten Attribute</translation>
        </message>
        <message>
            <source>the weight is not a number</source>
            <translation>das Gewicht ist keine Zahl</translation>
        </message>
        <message>
            <source>weights must be 0 or more</source>
            <translation>Gewichte müssen 0 oder größer sein</translation>
        </message>
        <message>
            <source>every weight is 0, so no attribute counts; give at least one attribute a weight above 0</source>
            <translation>jedes Gewicht ist 0, damit zählt kein Attribut; geben Sie mindestens einem Attribut ein Gewicht über 0</translation>
        </message>
        <message>
            <source>{count} features are lines or points, not blocks; they are left out (neither counted nor written to the outputs): {ids}</source>
            <translation>{count} Objekte sind Linien oder Punkte, keine Blöcke; sie werden ausgelassen (weder gezählt noch in die Ergebnisse geschrieben): {ids}</translation>
        </message>
        <message>
            <source>{count} blocks have the same geometry as another block (a duplicate export?); both are counted: {groups}</source>
            <translation>{count} Blöcke haben dieselbe Geometrie wie ein anderer Block (doppelt exportiert?); beide werden gezählt: {groups}</translation>
        </message>
        <message>
            <source>{count} blocks have more residents than the maximum, for example:</source>
            <translation>{count} Blöcke haben mehr Einwohner als das Maximum, zum Beispiel:</translation>
        </message>
        <message>
            <source>{count} parts cut off by barriers or nesting have fewer residents than the minimum, for example:</source>
            <translation>{count} durch Barrieren oder Verschachtelung abgeschnittene Teile haben weniger Einwohner als das Minimum, zum Beispiel:</translation>
        </message>
        <message>
            <source>{count} parts cannot be divided into spaces within the population bounds, for example:</source>
            <translation>{count} Teile lassen sich nicht in Räume innerhalb der Einwohnergrenzen teilen, zum Beispiel:</translation>
        </message>
        <message>
            <source>The other {count} begin with blocks {ids}.</source>
            <translation>Die übrigen {count} beginnen mit den Blöcken {ids}.</translation>
        </message>
        <message>
            <source>The layer has '{suggestion}': a shapefile cuts field names to 10 characters. Name that field in the catalogue, or save the layer as a GeoPackage.</source>
            <translation>Der Layer hat '{suggestion}': Ein Shapefile kürzt Feldnamen auf 10 Zeichen. Nennen Sie dieses Feld im Katalog oder speichern Sie den Layer als GeoPackage.</translation>
        </message>
        <message>
            <source>{count} drawn spaces overlap no block (check where they lie and their CRS); their values are 0 or empty: {ids}</source>
            <translation>{count} gezeichnete Räume überlappen keinen Block (prüfen Sie ihre Lage und ihr KBS); ihre Werte sind 0 oder leer: {ids}</translation>
        </message>
        <message>
            <source>No drawn space overlaps any block, so every value would be 0. Check that the drawn spaces lie over the blocks and that both layers have the right CRS (blocks: {blocks}, drawn spaces: {spaces}).</source>
            <translation>Kein gezeichneter Raum überlappt einen Block, jeder Wert wäre also 0. Prüfen Sie, ob die gezeichneten Räume über den Blöcken liegen und beide Layer das richtige KBS haben (Blöcke: {blocks}, gezeichnete Räume: {spaces}).</translation>
        </message>
        <message>
            <source>No attribute has any influence (each has the same value in every block): the SSD share of 0 says nothing about homogeneity; the spaces follow population and compactness alone.</source>
            <translation>Kein Attribut hat Einfluss (jedes hat in allen Blöcken denselben Wert): Der SSD-Anteil von 0 sagt nichts über die Homogenität; die Räume folgen allein Einwohnerzahl und Kompaktheit.</translation>
        </message>
        <message>
            <source>The run stopped; removed what it had written: {files}</source>
            <translation>Der Lauf wurde abgebrochen; entfernt wurde, was er schon geschrieben hatte: {files}</translation>
        </message>
        <message>
            <source>Choose another file.</source>
            <translation>Wählen Sie eine andere Datei.</translation>
        </message>
        <message>
            <source>{output} would overwrite the layer '{layer}' in {file}, read by {input}. Choose another layer name.</source>
            <translation>{output} würde den Layer '{layer}' in {file} überschreiben, den {input} liest. Wählen Sie einen anderen Layernamen.</translation>
        </message>
        <message>
            <source>{output} would overwrite the input file {file}, read by {input}.</source>
            <translation>{output} würde die Eingabedatei {file} überschreiben, die {input} liest.</translation>
        </message>
        <message>
            <source>{output} would replace the file {file}, and with it the input layer '{layer}' read by {input}.</source>
            <translation>{output} würde die Datei {file} ersetzen und mit ihr den Eingabelayer '{layer}', den {input} liest.</translation>
        </message>
        <message>
            <source>Cannot write {file}: {folder} is a file, not a folder.</source>
            <translation>{file} kann nicht geschrieben werden: {folder} ist eine Datei, kein Ordner.</translation>
        </message>
        <message>
            <source>{output} would be written into {file}, which is the input {input}. Choose another folder.</source>
            <translation>{output} würde in {file} geschrieben, die Eingabe von {input}. Wählen Sie einen anderen Ordner.</translation>
        </message>
        <message>
            <source>Choose another file, or add the result to the GeoPackage as a new layer: {destination}</source>
            <translation>Wählen Sie eine andere Datei oder fügen Sie das Ergebnis dem GeoPackage als neuen Layer hinzu: {destination}</translation>
        </message>
        <message>
            <source>Cannot write {file}: it is a file, not a folder.</source>
            <translation>{file} kann nicht geschrieben werden: Es ist eine Datei, kein Ordner.</translation>
        </message>
        <message>
            <source>Cannot write {file}: it is a folder.</source>
            <translation>{file} kann nicht geschrieben werden: Es ist ein Ordner.</translation>
        </message>
        <message>
            <source>Cannot write {file}: the folder {folder} does not exist.</source>
            <translation>{file} kann nicht geschrieben werden: Der Ordner {folder} existiert nicht.</translation>
        </message>
        <message>
            <source>{first} and {second} would both be written to {file}; the second would replace the first. Choose different files.</source>
            <translation>{first} und {second} würden beide nach {file} geschrieben; die zweite Ausgabe würde die erste ersetzen. Wählen Sie verschiedene Dateien.</translation>
        </message>
        <message>
            <source>The block coordinates reach {value} in {crs}: beyond {limit} floating-point numbers lose precision, so neighbouring blocks may not be recognised and the division can change. Check the layer's CRS.</source>
            <translation>Die Koordinaten der Blöcke reichen bis {value} in {crs}: jenseits von {limit} verlieren Gleitkommazahlen an Genauigkeit, sodass benachbarte Blöcke womöglich nicht erkannt werden und sich die Gliederung ändern kann. Prüfen Sie das KBS des Layers.</translation>
        </message>
        <message>
            <source>Field '{field}' has infinite values for {count} blocks: {ids}</source>
            <translation>Das Feld '{field}' hat bei {count} Blöcken unendliche Werte: {ids}</translation>
        </message>
        <message>
            <source>Numbers stored as text</source>
            <translation>Als Text gespeicherte Zahlen</translation>
        </message>
        <message>
            <source>German notation (decimal comma)</source>
            <translation>deutscher Schreibweise (Dezimalkomma)</translation>
        </message>
        <message>
            <source>English notation (decimal point)</source>
            <translation>englischer Schreibweise (Dezimalpunkt)</translation>
        </message>
        <message>
            <source>Field '{field}' has values with decimals ({examples}) for {count} spaces: {ids}. Residents must be whole numbers; check the notation of the field.</source>
            <translation>Das Feld '{field}' hat bei {count} Sozialräumen Werte mit Nachkommastellen ({examples}): {ids}. Einwohnerzahlen müssen ganze Zahlen sein; prüfen Sie die Schreibweise des Feldes.</translation>
        </message>
        <message>
            <source>Field '{field}' has values with decimals ({examples}) for {count} blocks: {ids}. Residents must be whole numbers; check the notation of the field.</source>
            <translation>Das Feld '{field}' hat bei {count} Blöcken Werte mit Nachkommastellen ({examples}): {ids}. Einwohnerzahlen müssen ganze Zahlen sein; prüfen Sie die Schreibweise des Feldes.</translation>
        </message>
        <message>
            <source>Field '{field}' has values that are not numbers in {notation} ({examples}) for {count} spaces: {ids}</source>
            <translation>Das Feld '{field}' enthält für {count} Sozialräume Werte, die in {notation} keine Zahlen sind ({examples}): {ids}</translation>
        </message>
        <message>
            <source>Field '{field}' has values that are not numbers in {notation} ({examples}) for {count} blocks: {ids}</source>
            <translation>Das Feld '{field}' enthält für {count} Baublöcke Werte, die in {notation} keine Zahlen sind ({examples}): {ids}</translation>
        </message>
        <message>
            <source>Automatic (decide per field, refuse ambiguous fields)</source>
            <translation>Automatisch (je Feld entscheiden, mehrdeutige Felder ablehnen)</translation>
        </message>
        <message>
            <source>German notation (1.234,5)</source>
            <translation>Deutsche Schreibweise (1.234,5)</translation>
        </message>
        <message>
            <source>English notation (1,234.5)</source>
            <translation>Englische Schreibweise (1,234.5)</translation>
        </message>
        <message>
            <source>Field '{field}' mixes number notations: '{german}' can only be German, '{english}' only English. Correct the field so that all its values use one notation.</source>
            <translation>Das Feld '{field}' mischt Zahlenschreibweisen: '{german}' kann nur deutsch sein, '{english}' nur englisch. Korrigieren Sie das Feld, sodass alle Werte eine Schreibweise verwenden.</translation>
        </message>
        <message>
            <source>Field '{field}' holds numbers as text that read differently in German and English notation ({readings}). Choose the notation under 'Numbers stored as text' (advanced parameters).</source>
            <translation>Das Feld '{field}' enthält Zahlen als Text, die in deutscher und englischer Schreibweise Verschiedenes bedeuten ({readings}). Wählen Sie die Schreibweise unter 'Als Text gespeicherte Zahlen' (erweiterte Parameter).</translation>
        </message>
        <message>
            <source>Field '{field}' holds numbers as text; they are read in {notation}, e.g. '{text}' as {number}.</source>
            <translation>Das Feld '{field}' enthält Zahlen als Text; sie werden in {notation} gelesen, z. B. '{text}' als {number}.</translation>
        </message>
        <message>
            <source>Field '{field}' holds numbers as text; they read the same in German and English notation.</source>
            <translation>Das Feld '{field}' enthält Zahlen als Text; sie bedeuten in deutscher und englischer Schreibweise dasselbe.</translation>
        </message>
        <message>
            <source>Field '{field}' is infinite for {count} spaces; they count as NULL: {ids}</source>
            <translation>Das Feld '{field}' ist bei {count} Sozialräumen unendlich; diese Werte zählen als NULL: {ids}</translation>
        </message>
        <message>
            <source>Field '{field}' has infinite values for {count} spaces: {ids}</source>
            <translation>Das Feld '{field}' hat bei {count} Sozialräumen unendliche Werte: {ids}</translation>
        </message>
        <message>
            <source>Attribute '{field}' is infinite for {count} blocks; they count as average, like empty values: {ids}</source>
            <translation>Das Merkmal '{field}' ist bei {count} Blöcken unendlich; sie zählen wie leere Werte als Durchschnitt: {ids}</translation>
        </message>
        <message>
            <source>Barrier lines that cut the neighbourhood of blocks (railways, rivers, major roads), as in 'Propose social spaces'. A layer made by that algorithm brings the barriers, gap distance and nesting field of its run.</source>
            <translation>Barrierelinien, die die Nachbarschaft der Blöcke trennen (Bahnlinien, Flüsse, große Straßen), wie in „Sozialräume vorschlagen“. Ein Layer aus diesem Algorithmus bringt die Barrieren, den Lückenabstand und das Verschachtelungsfeld seines Laufs mit.</translation>
        </message>
        <message>
            <source>Barrier lines</source>
            <translation>Barrierelinien</translation>
        </message>
        <message>
            <source>Neighbourhood</source>
            <translation>Nachbarschaft</translation>
        </message>
        <message>
            <source>{status}, across a barrier line</source>
            <translation>{status}, über eine Barrierelinie hinweg</translation>
        </message>
        <message>
            <source>Hidden while the session is open (they lie over the blocks and do not follow the changes): {layers}.</source>
            <translation>Ausgeblendet, solange die Sitzung offen ist (sie liegen über den Blöcken und folgen den Änderungen nicht): {layers}.</translation>
        </message>
        <message>
            <source>– (no attributes chosen)</source>
            <translation type="obsolete">– (keine Merkmale gewählt)</translation>
        </message>
        <message numerus="yes">
            <source>New space {space} of %n block(s)</source>
            <translation>
                <numerusform>Neuer Sozialraum {space} aus %n Block</numerusform>
                <numerusform>Neuer Sozialraum {space} aus %n Blöcken</numerusform>
            </translation>
        </message>
        <message>
            <source>the change crosses a barrier line (blocks {blocks})</source>
            <translation>die Änderung überquert eine Barrierelinie (Blöcke {blocks})</translation>
        </message>
        <message numerus="yes">
            <source>Paint %n block(s) into space {space}</source>
            <translation>
                <numerusform>%n Block dem Sozialraum {space} zuweisen</numerusform>
                <numerusform>%n Blöcke dem Sozialraum {space} zuweisen</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n block(s), {population} residents into {space}</source>
            <translation>
                <numerusform>%n Block, {population} Einwohner nach {space}</numerusform>
                <numerusform>%n Blöcke, {population} Einwohner nach {space}</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>New space {space}: %n block(s), {population} residents.</source>
            <translation>
                <numerusform>Neuer Sozialraum {space}: %n Block, {population} Einwohner.</numerusform>
                <numerusform>Neuer Sozialraum {space}: %n Blöcke, {population} Einwohner.</numerusform>
            </translation>
        </message>
        <message>
            <source>chosen here: gap {gap} m, barriers: {barriers}</source>
            <translation>hier gewählt: Lücke {gap} m, Barrieren: {barriers}</translation>
        </message>
        <message>
            <source>as the run that made the layer: gap {gap} m, barriers: {barriers}, nesting: {nest}</source>
            <translation>wie im Lauf, der den Layer erzeugt hat: Lücke {gap} m, Barrieren: {barriers}, Verschachtelung: {nest}</translation>
        </message>
        <message>
            <source>none</source>
            <translation>keine</translation>
        </message>
        <message>
            <source>Barrier layers that cannot be read (not used): {names}.</source>
            <translation type="obsolete">Barriere-Layer, die nicht gelesen werden können (nicht verwendet): {names}.</translation>
        </message>
        <message>
            <source>The layer '{layer}' is derived from a consultation session (the live spaces layer): choose the blocks layer.</source>
            <translation>Der Layer „{layer}“ ist aus einer Beteiligungssitzung abgeleitet (der Live-Layer der Sozialräume): wählen Sie den Block-Layer.</translation>
        </message>
        <message>
            <source>The layer '{layer}' has no nesting field '{field}'.</source>
            <translation>Der Layer „{layer}“ hat kein Verschachtelungsfeld „{field}“.</translation>
        </message>
        <message>
            <source>the table '{table}' in the database schema '{schema}'</source>
            <translation>die Tabelle '{table}' im Datenbankschema '{schema}'</translation>
        </message>
        <message numerus="yes">
            <source>Re-optimise: %n block(s), {population} residents moved</source>
            <translation>
                <numerusform>Neu optimiert: %n Block, {population} Einwohner verschoben</numerusform>
                <numerusform>Neu optimiert: %n Blöcke, {population} Einwohner verschoben</numerusform>
            </translation>
        </message>
        <message>
            <source>Export log as XLSX…</source>
            <translation>Protokoll als XLSX exportieren…</translation>
        </message>
        <message>
            <source>Export the decision log as XLSX</source>
            <translation>Entscheidungsprotokoll als XLSX exportieren</translation>
        </message>
        <message>
            <source>Excel workbooks (*.xlsx)</source>
            <translation>Excel-Arbeitsmappen (*.xlsx)</translation>
        </message>
        <message>
            <source>Musterstadt – districts</source>
            <translation>Musterstadt – Stadtteile</translation>
        </message>
        <message>
            <source>Musterstadt – blocks</source>
            <translation>Musterstadt – Baublöcke</translation>
        </message>
        <message>
            <source>Musterstadt – barriers</source>
            <translation>Musterstadt – Barrieren</translation>
        </message>
        <message>
            <source>Musterstadt – facilities</source>
            <translation>Musterstadt – Einrichtungen</translation>
        </message>
        <message>
            <source>railway</source>
            <translation>Bahnstrecke</translation>
        </message>
        <message>
            <source>motorway</source>
            <translation>Autobahn</translation>
        </message>
        <message>
            <source>river</source>
            <translation>Fluss</translation>
        </message>
        <message>
            <source>day-care centre</source>
            <translation>Kita</translation>
        </message>
        <message>
            <source>school</source>
            <translation>Schule</translation>
        </message>
        <message>
            <source>counselling centre</source>
            <translation>Beratungsstelle</translation>
        </message>
        <message>
            <source>other</source>
            <translation>sonstige</translation>
        </message>
        <message>
            <source>Spaces as last saved</source>
            <translation>Sozialräume wie zuletzt gespeichert</translation>
        </message>
        <message>
            <source>Carry a division onto new blocks</source>
            <translation>Gliederung auf neue Blöcke übertragen</translation>
        </message>
        <message>
            <source>Gives each block of a new block layer the old social space it overlaps most: by area, or by residents when weight points are given (e.g. addresses with residents; a block without points is judged by its area). The overlaps are computed with QGIS's own intersection.

Flags (field carry_flag, and listed in the log): 'split' when a second space holds more than the tolerance of the block, 'outside' when no old space overlaps it (it gets no space; the update gives it to a neighbouring space), 'partly_outside' when more than the tolerance lies outside every old space. carry_share is the share of the block in its space, carry_spaces lists every space with its share.

The space field keeps the name of the old spaces' field, so the result is the initial division of 'Update a division with minimal change'.</source>
            <translation>Gibt jedem Block einer neuen Blockebene den alten Sozialraum, mit dem er sich am stärksten überschneidet: nach Fläche oder, wenn Gewichtungspunkte angegeben sind (z. B. Adressen mit Einwohnern), nach Einwohnern (ein Block ohne Punkte wird nach seiner Fläche beurteilt). Die Überschneidungen berechnet die Verschneidung von QGIS selbst.

Markierungen (Feld carry_flag, zusätzlich im Protokoll aufgelistet): 'split', wenn ein zweiter Raum mehr als die Toleranz des Blocks enthält, 'outside', wenn kein alter Raum den Block überdeckt (er erhält keinen Raum; die Fortschreibung gibt ihn einem Nachbarraum), 'partly_outside', wenn mehr als die Toleranz außerhalb aller alten Räume liegt. carry_share ist der Anteil des Blocks in seinem Raum, carry_spaces nennt jeden Raum mit seinem Anteil.

Das Raumfeld behält den Namen des Feldes der alten Räume; das Ergebnis ist damit die Ausgangsgliederung für 'Gliederung mit möglichst wenig Änderungen fortschreiben'.</translation>
        </message>
        <message>
            <source>Overlaying the new blocks with the old spaces</source>
            <translation>Neue Blöcke mit den alten Räumen verschneiden</translation>
        </message>
        <message>
            <source>Blocks split between old spaces</source>
            <translation>Auf mehrere alte Räume verteilte Blöcke</translation>
        </message>
        <message>
            <source>Blocks outside every old space (no space)</source>
            <translation>Blöcke außerhalb aller alten Räume (ohne Raum)</translation>
        </message>
        <message>
            <source>Blocks partly outside every old space</source>
            <translation>Blöcke teilweise außerhalb aller alten Räume</translation>
        </message>
        <message>
            <source>New blocks</source>
            <translation>Neue Blöcke</translation>
        </message>
        <message>
            <source>Old social spaces (polygons)</source>
            <translation>Alte Sozialräume (Polygone)</translation>
        </message>
        <message>
            <source>Space field of the old spaces</source>
            <translation>Raumfeld der alten Räume</translation>
        </message>
        <message>
            <source>Weight points (e.g. addresses with residents)</source>
            <translation>Gewichtungspunkte (z. B. Adressen mit Einwohnern)</translation>
        </message>
        <message>
            <source>Residents field of the points (empty: each point counts 1)</source>
            <translation>Einwohnerfeld der Punkte (leer: jeder Punkt zählt 1)</translation>
        </message>
        <message>
            <source>Tolerance for split blocks (%)</source>
            <translation>Toleranz für verteilte Blöcke (%)</translation>
        </message>
        <message>
            <source>New blocks with the old space</source>
            <translation>Neue Blöcke mit altem Raum</translation>
        </message>
        <message>
            <source>Blocks split between spaces</source>
            <translation>Auf mehrere Räume verteilte Blöcke</translation>
        </message>
        <message>
            <source>Blocks outside every old space</source>
            <translation>Blöcke außerhalb aller alten Räume</translation>
        </message>
        <message>
            <source>Placing the weight points</source>
            <translation>Gewichtungspunkte zuordnen</translation>
        </message>
        <message>
            <source>{n} blocks carried over: {clean} whole in one old space, {split} split, {outside} outside, {partly} partly outside.</source>
            <translation>{n} Blöcke übertragen: {clean} ganz in einem alten Raum, {split} verteilt, {outside} außerhalb, {partly} teilweise außerhalb.</translation>
        </message>
        <message>
            <source>{n} old spaces without a value in '{field}' are left out.</source>
            <translation>{n} alte Räume ohne Wert in '{field}' bleiben unberücksichtigt.</translation>
        </message>
        <message>
            <source>The old spaces have no value in '{field}'.</source>
            <translation>Die alten Räume haben keinen Wert in '{field}'.</translation>
        </message>
        <message>
            <source>The new blocks already have a field '{field}': its values are replaced by the carried spaces in the output.</source>
            <translation>Die neuen Blöcke haben bereits ein Feld '{field}': seine Werte werden in der Ausgabe durch die übertragenen Räume ersetzt.</translation>
        </message>
        <message>
            <source>{what}: {n} ({blocks}).</source>
            <translation>{what}: {n} ({blocks}).</translation>
        </message>
        <message>
            <source>Minimum population of a space (for the reasons; empty: not checked)</source>
            <translation>Mindesteinwohnerzahl eines Raums (für die Begründungen; leer: nicht geprüft)</translation>
        </message>
        <message>
            <source>Maximum population of a space (for the reasons; empty: not checked)</source>
            <translation>Höchsteinwohnerzahl eines Raums (für die Begründungen; leer: nicht geprüft)</translation>
        </message>
        <message>
            <source>Decision log of the consultation (table sozialraum_decisions)</source>
            <translation>Entscheidungsprotokoll der Abstimmung (Tabelle sozialraum_decisions)</translation>
        </message>
        <message>
            <source>Report as PDF</source>
            <translation>Bericht als PDF</translation>
        </message>
        <message>
            <source>Old and new division of social spaces</source>
            <translation>Alte und neue Sozialraumgliederung</translation>
        </message>
        <message>
            <source>New social space (label: number and residents)</source>
            <translation>Neuer Sozialraum (Beschriftung: Nummer und Einwohner)</translation>
        </message>
        <message>
            <source>Boundary of the old division</source>
            <translation>Grenze der alten Gliederung</translation>
        </message>
        <message>
            <source>Block that changes its space</source>
            <translation>Block, der seinen Raum wechselt</translation>
        </message>
        <message>
            <source>The decision log has no field {fields}; it is left out of the report.</source>
            <translation>Das Entscheidungsprotokoll hat kein Feld {fields}; es fehlt daher im Bericht.</translation>
        </message>
        <message>
            <source>The change report for the council: with the population bounds, the decision log of the consultation (table sozialraum_decisions in the layer's GeoPackage) and a language, the HTML and PDF report also say per space what changed (kept, boundary changed, split off, new, dissolved), residents from and to which spaces and why (outside the bounds, repairing a neighbour, new blocks, an expert decision with its reason), show a map of the new spaces with the old boundaries, and give the crosswalk old space -&gt; new space with residents' shares (also the table output) to recast last year's figures per space: counts by the share of the old space, rates weighted by the share of the new space.</source>
            <translation>Der Änderungsbericht für den Rat: Mit den Einwohnergrenzen, dem Entscheidungsprotokoll der Abstimmung (Tabelle sozialraum_decisions im GeoPackage der Ebene) und einer Sprache nennt der HTML- und PDF-Bericht zusätzlich je Raum, was sich geändert hat (unverändert, Grenze geändert, abgetrennt, neu, aufgelöst), Einwohner von und zu welchen Räumen und warum (außerhalb der Grenzen, Reparatur eines Nachbarn, neue Blöcke, eine fachliche Entscheidung mit ihrer Begründung), zeigt eine Karte der neuen Räume mit den alten Grenzen und gibt die Umschlüsselung alter Raum -&gt; neuer Raum mit Einwohneranteilen (auch als Tabellenausgabe), um Vorjahreswerte je Raum umzurechnen: Anzahlen nach dem Anteil am alten Raum, Quoten gewichtet mit dem Anteil am neuen Raum.</translation>
        </message>
        <message>
            <source>Drawing the map of the old and new division</source>
            <translation>Karte der alten und neuen Gliederung zeichnen</translation>
        </message>
        <message>
            <source>With an initial division every space that carries on keeps its number (the field keeps its name and the old value goes to space_before): new spaces get the next free number or the number they were split from with a letter (31a); a dissolved number is never given out again. The spaces output and the log say per space: kept, boundary changed, split from, new, took in (dissolved spaces).</source>
            <translation type="obsolete">Mit einer Ausgangsgliederung behält jeder fortbestehende Raum seine Nummer (das Feld behält seinen Namen, der alte Wert steht in space_before): neue Räume erhalten die nächste freie Nummer oder die Nummer des Raums, von dem sie abgetrennt wurden, mit einem Buchstaben (31a); eine aufgelöste Nummer wird nie wieder vergeben. Die Raumausgabe und das Protokoll nennen je Raum: unverändert, Grenze geändert, abgetrennt von, neu, aufgenommen (aufgelöste Räume).</translation>
        </message>
        <message>
            <source>Example (sample town Musterstadt, {sample}): take the blocks output of 'Propose social spaces' with the settings of its example and let space 24 grow from 8,496 to 9,517 residents and space 30 shrink from 848 to 593 (edit pop_total). Then: the same settings, division to update = space_id, stability weight 10. Result: both spaces within the bounds again, 1,154 residents (0.7 %) in 19 blocks change their space, only spaces 7, 18, 23, 24, 25 and 30 change, the other 28 keep their blocks and all 34 their numbers.</source>
            <translation type="obsolete">Beispiel (Musterstadt, {sample}): Nehmen Sie die Blockausgabe von 'Sozialräume vorschlagen' mit den Einstellungen aus dessen Beispiel und lassen Sie Raum 24 von 8.496 auf 9.517 Einwohner wachsen und Raum 30 von 848 auf 593 schrumpfen (pop_total bearbeiten). Dann: dieselben Einstellungen, fortzuschreibende Gliederung = space_id, Stabilitätsgewicht 10. Ergebnis: beide Räume wieder innerhalb der Grenzen, 1.154 Einwohner (0,7 %) in 19 Blöcken wechseln den Raum, nur die Räume 7, 18, 23, 24, 25 und 30 ändern sich, die übrigen 28 behalten ihre Blöcke und alle 34 ihre Nummern.</translation>
        </message>
        <message>
            <source>Example (sample town Musterstadt, {sample}): New blocks = a new block layer (here: layer blocks), old social spaces = the spaces output of 'Propose social spaces', space field = space_id. Every block gets the space it lies in (3,492 of 3,492 on the same blocks); split blocks and new estates outside the old spaces are listed in the log. Then run 'Update a division with minimal change' with division to update = space_id.</source>
            <translation>Beispiel (Musterstadt, {sample}): Neue Blöcke = eine neue Blockebene (hier: Ebene blocks), alte Sozialräume = die Raumausgabe von 'Sozialräume vorschlagen', Raumfeld = space_id. Jeder Block erhält den Raum, in dem er liegt (3.492 von 3.492 bei denselben Blöcken); verteilte Blöcke und neue Siedlungen außerhalb der alten Räume stehen im Protokoll. Danach 'Gliederung mit möglichst wenig Änderungen fortschreiben' mit fortzuschreibender Gliederung = space_id ausführen.</translation>
        </message>
        <message>
            <source>Numbers for new spaces (with an initial division)</source>
            <translation>Nummern für neue Räume (mit Ausgangsgliederung)</translation>
        </message>
        <message>
            <source>kept</source>
            <translation>unverändert</translation>
        </message>
        <message>
            <source>boundary changed</source>
            <translation>Grenze geändert</translation>
        </message>
        <message>
            <source>Next free number (never a dissolved one)</source>
            <translation>Nächste freie Nummer (nie eine aufgelöste)</translation>
        </message>
        <message>
            <source>Number of the space split from, with a letter (31a)</source>
            <translation>Nummer des Ursprungsraums mit Buchstaben (31a)</translation>
        </message>
        <message>
            <source>Numbers: {kept} spaces kept, {changed} with a changed boundary, {split} split off, {new} new, {dissolved} dissolved (rule for new numbers: {rule}).</source>
            <translation>Nummern: {kept} Räume unverändert, {changed} mit geänderter Grenze, {split} abgetrennt, {new} neu, {dissolved} aufgelöst (Regel für neue Nummern: {rule}).</translation>
        </message>
        <message>
            <source>took in {spaces}</source>
            <translation>hat {spaces} aufgenommen</translation>
        </message>
        <message>
            <source>next free number</source>
            <translation>nächste freie Nummer</translation>
        </message>
        <message>
            <source>letter suffix</source>
            <translation>Buchstabenzusatz</translation>
        </message>
        <message>
            <source>split from {parent}</source>
            <translation>abgetrennt von {parent}</translation>
        </message>
        <message>
            <source>Space {space}: {note}; residents in {pop_in:.0f} ({blocks_in} blocks), out {pop_out:.0f} ({blocks_out} blocks).</source>
            <translation type="obsolete">Raum {space}: {note}; Einwohner hinzu {pop_in:.0f} ({blocks_in} Blöcke), abgegeben {pop_out:.0f} ({blocks_out} Blöcke).</translation>
        </message>
        <message>
            <source>Space {old} was dissolved; its number is not given out again.</source>
            <translation>Raum {old} wurde aufgelöst; seine Nummer wird nicht wieder vergeben.</translation>
        </message>
        <message>
            <source>Space {old} was dissolved: merged into {into}; its number is not given out again.</source>
            <translation>Raum {old} wurde aufgelöst: aufgegangen in {into}; seine Nummer wird nicht wieder vergeben.</translation>
        </message>
        <message>
            <source>Update a division with minimal change</source>
            <translation>Gliederung mit möglichst wenig Änderungen fortschreiben</translation>
        </message>
        <message>
            <source>Updates an adopted division (the initial division field) when residents or blocks have changed, and changes as little as possible: spaces within the population bounds stay exactly as they are unless a neighbour needs them. Spaces outside the bounds, spaces cut in pieces and spaces next to blocks without a space (new blocks, e.g. from 'Carry a division onto new blocks') are divided again together with their neighbouring spaces, starting from the old division and with the same number of spaces unless the bounds need another.

Stability weight: the search also moves blocks to make spaces more alike. A move is undone when its gain in homogeneity (share of the total sum of squares) is less than the weight times the share of all residents it moves, and undoing it keeps the bounds and contiguity. 0 keeps every move (homogeneity first); the default 10 keeps only clear gains; larger values move fewer residents.

Every space that carries on keeps its number (the field keeps its name, the old value goes to space_before); new spaces get the next free number or the number they were split from with a letter (31a); a dissolved number is never given out again. The log and the spaces output state per space what changed and the residents and blocks moved in and out. The other parameters and outputs are those of 'Propose social spaces'; the number of spaces is not used.</source>
            <translation type="obsolete">Schreibt eine beschlossene Gliederung (das Feld der Ausgangsgliederung) fort, wenn sich Einwohner oder Blöcke geändert haben, und ändert so wenig wie möglich: Räume innerhalb der Einwohnergrenzen bleiben genau, wie sie sind, außer ein Nachbar braucht sie. Räume außerhalb der Grenzen, zerteilte Räume und Räume neben Blöcken ohne Raum (neue Blöcke, z. B. aus 'Gliederung auf neue Blöcke übertragen') werden zusammen mit ihren Nachbarräumen neu gegliedert, ausgehend von der alten Gliederung und mit derselben Zahl von Räumen, sofern die Grenzen keine andere verlangen.

Stabilitätsgewicht: Die Suche verschiebt auch Blöcke, um Räume einheitlicher zu machen. Eine Verschiebung wird zurückgenommen, wenn ihr Gewinn an Homogenität (Anteil an der gesamten Quadratsumme) kleiner ist als das Gewicht mal dem Anteil aller Einwohner, die sie verschiebt, und die Rücknahme Grenzen und Zusammenhang wahrt. 0 behält jede Verschiebung (Homogenität zuerst); der Standardwert 10 behält nur deutliche Gewinne; größere Werte verschieben weniger Einwohner.

Jeder fortbestehende Raum behält seine Nummer (das Feld behält seinen Namen, der alte Wert steht in space_before); neue Räume erhalten die nächste freie Nummer oder die Nummer des Raums, von dem sie abgetrennt wurden, mit einem Buchstaben (31a); eine aufgelöste Nummer wird nie wieder vergeben. Protokoll und Raumausgabe nennen je Raum, was sich geändert hat, und die hinzugekommenen und abgegebenen Einwohner und Blöcke. Die übrigen Parameter und Ausgaben sind die von 'Sozialräume vorschlagen'; die Zahl der Räume wird nicht verwendet.</translation>
        </message>
        <message>
            <source>Division to update (field with the adopted spaces)</source>
            <translation>Fortzuschreibende Gliederung (Feld mit den beschlossenen Räumen)</translation>
        </message>
        <message>
            <source>Stability weight (0 = homogeneity first)</source>
            <translation>Stabilitätsgewicht (0 = Homogenität zuerst)</translation>
        </message>
        <message>
            <source>Residents in another space than before</source>
            <translation>Einwohner in einem anderen Raum als vorher</translation>
        </message>
        <message>
            <source>Blocks in another space than before</source>
            <translation>Blöcke in einem anderen Raum als vorher</translation>
        </message>
        <message>
            <source>Share of residents in another space than before</source>
            <translation>Anteil der Einwohner in einem anderen Raum als vorher</translation>
        </message>
        <message>
            <source>Every space is within the bounds and in one piece: the division stays as it is.</source>
            <translation>Jeder Raum liegt innerhalb der Grenzen und ist zusammenhängend: die Gliederung bleibt, wie sie ist.</translation>
        </message>
        <message>
            <source>Moved: {population:.0f} residents ({share:.1%}) in {blocks} blocks; {reverted} block moves undone for stability.</source>
            <translation type="obsolete">Verschoben: {population:.0f} Einwohner ({share:.1%}) in {blocks} Blöcken; {reverted} Blockverschiebungen für die Stabilität zurückgenommen.</translation>
        </message>
        <message>
            <source>The field '{field}' holds no space for any block: there is no division to update. Choose the field with the adopted spaces.</source>
            <translation>Das Feld '{field}' enthält für keinen Block einen Raum: es gibt keine Gliederung fortzuschreiben. Wählen Sie das Feld mit den beschlossenen Räumen.</translation>
        </message>
        <message>
            <source>Spaces that had to change: {spaces}; allowed to change with them (neighbours): {free}.</source>
            <translation>Räume, die sich ändern mussten: {spaces}; mit ihnen änderbar (Nachbarn): {free}.</translation>
        </message>
        <message>
            <source>Without a space ({n}): these blocks had none and touch no space that may change (e.g. a new estate cut off by barriers): {blocks}.</source>
            <translation>Ohne Raum ({n}): diese Blöcke hatten keinen und berühren keinen Raum, der sich ändern darf (z. B. eine neue Siedlung, durch Barrieren abgeschnitten): {blocks}.</translation>
        </message>
        <message>
            <source>split off</source>
            <translation>abgetrennt</translation>
        </message>
        <message>
            <source>dissolved</source>
            <translation>aufgelöst</translation>
        </message>
        <message>
            <source>To recast last year's figures per space onto the new spaces: a count (e.g. recipients) of an old space goes to the new spaces in proportion to the share of the old space; a rate is the mean of the old rates weighted by the share of the new space. This is exact where the figure is spread like the residents within the old space; where block data exist, aggregate them instead.</source>
            <translation>So lassen sich Vorjahreswerte je Raum auf die neuen Räume umrechnen: Eine Anzahl (z. B. Leistungsbeziehende) eines alten Raums geht im Verhältnis des Anteils am alten Raum an die neuen Räume; eine Quote ist der Mittelwert der alten Quoten, gewichtet mit dem Anteil am neuen Raum. Das ist genau, wo sich der Wert innerhalb des alten Raums wie die Einwohner verteilt; wo Blockdaten vorliegen, aggregieren Sie besser diese.</translation>
        </message>
        <message>
            <source>(no space)</source>
            <translation>(kein Raum)</translation>
        </message>
        <message>
            <source>Why</source>
            <translation>Warum</translation>
        </message>
        <message>
            <source>Residents from</source>
            <translation>Ein­woh­ner von</translation>
        </message>
        <message>
            <source>Residents to</source>
            <translation>Ein­woh­ner an</translation>
        </message>
        <message>
            <source>Residents before</source>
            <translation>Ein­woh­ner vorher</translation>
        </message>
        <message>
            <source>Residents after</source>
            <translation>Ein­woh­ner nachher</translation>
        </message>
        <message>
            <source>What changed, space by space</source>
            <translation>Was sich geändert hat, Raum für Raum</translation>
        </message>
        <message>
            <source>Map: old and new division</source>
            <translation>Karte: alte und neue Gliederung</translation>
        </message>
        <message>
            <source>homogeneity and shape (optimisation)</source>
            <translation>Homogenität und Form (Optimierung)</translation>
        </message>
        <message>
            <source>No space changes.</source>
            <translation>Kein Raum ändert sich.</translation>
        </message>
        <message>
            <source>Old space</source>
            <translation>Alter Raum</translation>
        </message>
        <message>
            <source>Share of the old space (%)</source>
            <translation>Anteil am alten Raum (%)</translation>
        </message>
        <message>
            <source>Share of the new space (%)</source>
            <translation>Anteil am neuen Raum (%)</translation>
        </message>
        <message>
            <source>Crosswalk: old space to new space</source>
            <translation>Umschlüsselung: alter Raum zu neuem Raum</translation>
        </message>
        <message>
            <source>Map of the new social spaces with the boundaries of the old ones</source>
            <translation>Karte der neuen Sozialräume mit den Grenzen der alten</translation>
        </message>
        <message>
            <source>dissolved, merged into {space}</source>
            <translation>aufgelöst, aufgegangen in {space}</translation>
        </message>
        <message>
            <source>Unchanged ({count}): {spaces}.</source>
            <translation>Unverändert ({count}): {spaces}.</translation>
        </message>
        <message>
            <source>outside the population bounds ({population} residents in its old extent)</source>
            <translation>außerhalb der Einwohnergrenzen ({population} Einwohner im alten Zuschnitt)</translation>
        </message>
        <message>
            <source>repairs neighbour {space} ({population} residents, outside the bounds)</source>
            <translation>Ausgleich für Nachbarraum {space} ({population} Einwohner, außerhalb der Grenzen)</translation>
        </message>
        <message>
            <source>new blocks ({population} residents)</source>
            <translation>neue Blöcke ({population} Einwohner)</translation>
        </message>
        <message>
            <source>expert decision ({who}): {reason}</source>
            <translation>fachliche Entscheidung ({who}): {reason}</translation>
        </message>
        <message>
            <source>Changes to the division of social spaces</source>
            <translation>Änderungen der Sozialraumgliederung</translation>
        </message>
        <message>
            <source>Web atlas of the social spaces</source>
            <translation>Web-Atlas der Sozialräume</translation>
        </message>
        <message>
            <source>Writes a web atlas for people without QGIS: one folder with index.html that opens in any browser, from the file system (a USB stick, a network drive, an e-mail attachment unpacked) or from any web server, and loads nothing from the internet. It shows the spaces as a map of any indicator of the catalogue (classes as in the social index: standard deviations from the mean of the spaces, with a legend and the municipal value), the profile of a space when it is clicked (the content of the PDF profile sheet: indicators beside the municipal value and the difference, the age structure, the index class and type), a searchable table of all spaces and a print view of one profile. German and English can be switched in the page. Suppressed values are shown as '.'.

Parameters: Spaces with indicators: the output of 'Push indicators to spaces' or of 'Social index and types'. Blocks (optional): give the municipal values (summed over all blocks, as in the profiles) and are drawn as a layer that can be switched on. Barriers (optional): drawn as lines. Index, class and type fields: as written by 'Social index and types'; left out when the layer has none. Simplify: outlines are simplified by this many metres (0: not at all); the atlas of the sample town stays well under 3 MB. Background map (optional): a tile URL such as https://tile.example.org/{z}/{x}/{y}.png; without one the atlas needs no network. Expert comments: each profile gets a comment box; the comments are downloaded as one small JSON file to send to the planning office.

Example (sample town, after 'make demo'): Spaces with indicators = demo/social_index.gpkg, id field space_id, blocks = demo/spaces_blocks.gpkg, output folder demo/atlas: open demo/atlas/index.html.</source>
            <translation>Schreibt einen Web-Atlas für Menschen ohne QGIS: einen Ordner mit index.html, der in jedem Browser öffnet, aus dem Dateisystem (USB-Stick, Netzlaufwerk, entpackter E-Mail-Anhang) oder von jedem Webserver, und nichts aus dem Internet lädt. Er zeigt die Räume als Karte einer beliebigen Indikator des Katalogs (Klassen wie beim Sozialindex: Standardabweichungen vom Mittel der Räume, mit Legende und gesamtstädtischem Wert), beim Klick auf einen Raum sein Profil (der Inhalt des PDF-Profilblatts: Indikatoren neben dem gesamtstädtischen Wert und der Differenz, die Altersstruktur, Indexklasse und Typ), eine durchsuchbare Tabelle aller Räume und eine Druckansicht eines Profils. Deutsch und Englisch sind in der Seite umschaltbar. Geheim gehaltene Werte erscheinen als '.'.

Parameter: Sozialräume mit Indikatoren: das Ergebnis von 'Indikatoren auf Sozialräume übertragen' oder von 'Sozialindex und Raumtypen'. Blöcke (optional): liefern die gesamtstädtischen Werte (über alle Blöcke summiert, wie in den Profilen) und werden als zuschaltbare Ebene gezeichnet. Barrieren (optional): als Linien gezeichnet. Index-, Klassen- und Typfeld: wie von 'Sozialindex und Raumtypen' geschrieben; entfallen, wenn der Layer sie nicht hat. Vereinfachen: Umrisse werden um so viele Meter vereinfacht (0: gar nicht); der Atlas der Musterstadt bleibt deutlich unter 3 MB. Hintergrundkarte (optional): eine Kachel-URL wie https://tile.example.org/{z}/{x}/{y}.png; ohne sie braucht der Atlas kein Netz. Expertenkommentare: jedes Profil bekommt ein Kommentarfeld; die Kommentare werden als eine kleine JSON-Datei heruntergeladen und an das Planungsamt geschickt.

Beispiel (Musterstadt, nach 'make demo'): Sozialräume mit Indikatoren = demo/social_index.gpkg, Id-Feld space_id, Blöcke = demo/spaces_blocks.gpkg, Ausgabeordner demo/atlas: demo/atlas/index.html öffnen.</translation>
        </message>
        <message>
            <source>Simplifying the geometries</source>
            <translation>Geometrien werden vereinfacht</translation>
        </message>
        <message>
            <source>Writing the atlas</source>
            <translation>Atlas wird geschrieben</translation>
        </message>
        <message>
            <source>Blocks (municipal values and a map layer; optional)</source>
            <translation type="obsolete">Blöcke (gesamtstädtische Werte und Kartenebene; optional)</translation>
        </message>
        <message>
            <source>Barriers (lines; optional)</source>
            <translation type="obsolete">Barrieren (Linien; optional)</translation>
        </message>
        <message>
            <source>Social index field</source>
            <translation>Feld des Sozialindex</translation>
        </message>
        <message>
            <source>Class breaks (standard deviations, as in the social index)</source>
            <translation>Klassengrenzen (Standardabweichungen, wie beim Sozialindex)</translation>
        </message>
        <message>
            <source>Name of the municipality (shown before 'Social space atlas')</source>
            <translation>Name der Kommune (steht vor 'Sozialraum-Atlas')</translation>
        </message>
        <message>
            <source>Simplify the outlines by (m)</source>
            <translation>Umrisse vereinfachen um (m)</translation>
        </message>
        <message>
            <source>Background map tile URL (optional; needs the network)</source>
            <translation type="obsolete">Kachel-URL einer Hintergrundkarte (optional; braucht das Netz)</translation>
        </message>
        <message>
            <source>Attribution of the background map</source>
            <translation>Quellenangabe der Hintergrundkarte</translation>
        </message>
        <message>
            <source>Expert comments (a comment box per space)</source>
            <translation>Expertenkommentare (ein Kommentarfeld je Raum)</translation>
        </message>
        <message>
            <source>Atlas folder</source>
            <translation>Atlas-Ordner</translation>
        </message>
        <message>
            <source>Start page of the atlas</source>
            <translation>Startseite des Atlas</translation>
        </message>
        <message>
            <source>Size of the atlas folder in bytes</source>
            <translation>Größe des Atlas-Ordners in Byte</translation>
        </message>
        <message>
            <source>No blocks: the atlas shows no municipal values.</source>
            <translation>Keine Blöcke: Der Atlas zeigt keine gesamtstädtischen Werte.</translation>
        </message>
        <message>
            <source>Atlas of {spaces} spaces written to {file} ({size} in {seconds:.1f} s).</source>
            <translation type="obsolete">Atlas mit {spaces} Räumen nach {file} geschrieben ({size} in {seconds:.1f} s).</translation>
        </message>
        <message>
            <source>The class breaks '{text}' must be 1 to 6 increasing numbers separated by semicolons (-1; 1; 1,5) or commas (-1,1,1.5).</source>
            <translation type="obsolete">Die Klassengrenzen '{text}' müssen 1 bis 6 aufsteigende Zahlen sein, getrennt durch Semikolons (-1; 1; 1,5) oder Kommas (-1,1,1.5).</translation>
        </message>
        <message>
            <source>The layer {layer} has no features: there is no space to show.</source>
            <translation>Der Layer {layer} hat keine Objekte: Es gibt keinen Raum zu zeigen.</translation>
        </message>
        <message>
            <source>{count} spaces have no geometry and are only in the table: {ids}</source>
            <translation>{count} Räume haben keine Geometrie und stehen nur in der Tabelle: {ids}</translation>
        </message>
        <message>
            <source>The layer has no field '{field}': the atlas shows none.</source>
            <translation>Der Layer hat kein Feld '{field}': Der Atlas zeigt keines.</translation>
        </message>
        <message>
            <source>The folder {folder} already holds other files: choose an empty or new folder (only an earlier atlas is replaced).</source>
            <translation>Der Ordner {folder} enthält schon andere Dateien: Wählen Sie einen leeren oder neuen Ordner (nur ein früherer Atlas wird ersetzt).</translation>
        </message>
        <message>
            <source>The atlas folder {folder} holds the input {file}: choose another folder (the atlas folder is replaced as a whole).</source>
            <translation>Der Atlas-Ordner {folder} enthält die Eingabe {file}: Wählen Sie einen anderen Ordner (der Atlas-Ordner wird als Ganzes ersetzt).</translation>
        </message>
        <message>
            <source>Classes as in the social index: standard deviations from the mean of the spaces ({breaks}); darker = more need.</source>
            <translation>Klassen wie beim Sozialindex: Standardabweichungen vom Mittel der Räume ({breaks}); dunkler = mehr Bedarf.</translation>
        </message>
        <message>
            <source>Classes as in the social index: standard deviations from the mean of the spaces ({breaks}); darker = higher value.</source>
            <translation>Klassen wie beim Sozialindex: Standardabweichungen vom Mittel der Räume ({breaks}); dunkler = höherer Wert.</translation>
        </message>
        <message>
            <source>Class {number}</source>
            <translation>Klasse {number}</translation>
        </message>
        <message>
            <source>Social space atlas</source>
            <translation>Sozialraum-Atlas</translation>
        </message>
        <message>
            <source>Skip to the table</source>
            <translation>Zur Tabelle springen</translation>
        </message>
        <message>
            <source>Indicator on the map</source>
            <translation>Indikator auf der Karte</translation>
        </message>
        <message>
            <source>Map</source>
            <translation>Karte</translation>
        </message>
        <message>
            <source>Zoom in</source>
            <translation>Hineinzoomen</translation>
        </message>
        <message>
            <source>Zoom out</source>
            <translation>Herauszoomen</translation>
        </message>
        <message>
            <source>Map of the social spaces; choose a space in the table below to read its profile</source>
            <translation>Karte der Sozialräume; wählen Sie einen Raum in der Tabelle darunter, um sein Profil zu lesen</translation>
        </message>
        <message>
            <source>Click a space on the map or choose it in the table to see its profile.</source>
            <translation>Klicken Sie auf einen Raum in der Karte oder wählen Sie ihn in der Tabelle, um sein Profil zu sehen.</translation>
        </message>
        <message>
            <source>Print profile</source>
            <translation>Profil drucken</translation>
        </message>
        <message>
            <source>Close</source>
            <translation>Schließen</translation>
        </message>
        <message>
            <source>Indicators of the space beside the municipal values</source>
            <translation>Indikatoren des Raums neben den gesamtstädtischen Werten</translation>
        </message>
        <message>
            <source>All social spaces</source>
            <translation>Alle Sozialräume</translation>
        </message>
        <message>
            <source>Search</source>
            <translation>Suchen</translation>
        </message>
        <message>
            <source>Number or name of a space</source>
            <translation>Nummer oder Name eines Raums</translation>
        </message>
        <message>
            <source>Arrow keys move through the rows, Enter opens a profile; the column headings sort.</source>
            <translation>Pfeiltasten bewegen durch die Zeilen, Enter öffnet ein Profil; die Spaltenköpfe sortieren.</translation>
        </message>
        <message>
            <source>{shown} of {total} spaces</source>
            <translation>{shown} von {total} Räumen</translation>
        </message>
        <message>
            <source>Barriers</source>
            <translation>Barrieren</translation>
        </message>
        <message>
            <source>all spaces (no differences)</source>
            <translation>alle Räume (keine Unterschiede)</translation>
        </message>
        <message>
            <source>. suppressed (confidentiality)</source>
            <translation>. geheim gehalten (Datenschutz)</translation>
        </message>
        <message>
            <source>x no value</source>
            <translation>x kein Wert</translation>
        </message>
        <message>
            <source>Municipality: {value}</source>
            <translation>Gesamtstadt: {value}</translation>
        </message>
        <message>
            <source>No municipal value (the atlas was made without blocks).</source>
            <translation>Kein gesamtstädtischer Wert (der Atlas wurde ohne Blöcke erstellt).</translation>
        </message>
        <message>
            <source>All spaces have the same value.</source>
            <translation>Alle Räume haben denselben Wert.</translation>
        </message>
        <message>
            <source>Made with the QGIS plugin Sozialraum. Values of small spaces may be suppressed for statistical confidentiality ('.'). The atlas works offline; it loads nothing from the internet unless a background map was chosen.</source>
            <translation>Erstellt mit dem QGIS-Plugin Sozialraum. Werte kleiner Räume können aus Gründen der statistischen Geheimhaltung unterdrückt sein ('.'). Der Atlas arbeitet offline; er lädt nichts aus dem Internet, außer wenn eine Hintergrundkarte gewählt wurde.</translation>
        </message>
        <message>
            <source>Your comment on this space</source>
            <translation>Ihr Kommentar zu diesem Raum</translation>
        </message>
        <message>
            <source>Your name and organisation</source>
            <translation>Ihr Name und Ihre Organisation</translation>
        </message>
        <message>
            <source>Comment (e.g. 'this boundary should run along the railway')</source>
            <translation>Kommentar (z. B. 'diese Grenze sollte an der Bahnlinie verlaufen')</translation>
        </message>
        <message>
            <source>Comments stay in this browser until you download them as one file and send it to the planning office; they are proposals, the office decides.</source>
            <translation>Kommentare bleiben in diesem Browser, bis Sie sie als eine Datei herunterladen und an das Planungsamt schicken; sie sind Vorschläge, das Amt entscheidet.</translation>
        </message>
        <message>
            <source>Download my comments (JSON)</source>
            <translation>Meine Kommentare herunterladen (JSON)</translation>
        </message>
        <message>
            <source>{count} spaces commented</source>
            <translation>{count} Räume kommentiert</translation>
        </message>
        <message>
            <source>Age</source>
            <translation>Alter</translation>
        </message>
        <message>
            <source>Households</source>
            <translation>Haushalte</translation>
        </message>
        <message>
            <source>Housing</source>
            <translation>Wohnen</translation>
        </message>
        <message>
            <source>Labour market</source>
            <translation>Arbeitsmarkt</translation>
        </message>
        <message>
            <source>Migration</source>
            <translation>Migration</translation>
        </message>
        <message>
            <source>Poverty</source>
            <translation>Armut</translation>
        </message>
        <message>
            <source>Buildings</source>
            <translation>Gebäude</translation>
        </message>
        <message>
            <source>{spaces} spaces, {population} residents in {blocks} blocks; bounds {lower}–{upper}. Problems: {problems} ({below} below, {above} above, {split} not contiguous); {locked} locked. {ssd}</source>
            <translation>{spaces} Sozialräume, {population} Einwohner in {blocks} Blöcken; Grenzen {lower}–{upper}. Probleme: {problems} ({below} darunter, {above} darüber, {split} nicht zusammenhängend); {locked} gesperrt. {ssd}</translation>
        </message>
        <message>
            <source>SSD share – (no attributes chosen)</source>
            <translation>SSD-Anteil – (keine Merkmale gewählt)</translation>
        </message>
        <message>
            <source>unweighted, lower is better</source>
            <translation>ungewichtet, niedriger ist besser</translation>
        </message>
        <message>
            <source>blocks weighted by residents, lower is better</source>
            <translation>Blöcke nach Einwohnern gewichtet, niedriger ist besser</translation>
        </message>
        <message>
            <source>unchanged</source>
            <translation>unverändert</translation>
        </message>
        <message>
            <source>SSD share {share} ({meaning})</source>
            <translation>SSD-Anteil {share} ({meaning})</translation>
        </message>
        <message>
            <source>better</source>
            <translation>besser</translation>
        </message>
        <message>
            <source>worse</source>
            <translation>schlechter</translation>
        </message>
        <message>
            <source>SSD share ({meaning}): {before} → {after} ({verdict})</source>
            <translation>SSD-Anteil ({meaning}): {before} → {after} ({verdict})</translation>
        </message>
        <message numerus="yes">
            <source>%n block(s) painted into space {space}: {population} residents now.</source>
            <translation>
                <numerusform>%n Block dem Sozialraum {space} zugewiesen: jetzt {population} Einwohner.</numerusform>
                <numerusform>%n Blöcke dem Sozialraum {space} zugewiesen: jetzt {population} Einwohner.</numerusform>
            </translation>
        </message>
        <message>
            <source>Re-optimisation applied: {blocks} blocks, {population} residents moved.</source>
            <translation>Neuoptimierung übernommen: {blocks} Blöcke, {population} Einwohner verschoben.</translation>
        </message>
        <message>
            <source>Space {space} locked: it neither loses nor gains blocks.</source>
            <translation>Sozialraum {space} gesperrt: er gibt keine Blöcke ab und nimmt keine auf.</translation>
        </message>
        <message>
            <source>Space {space} unlocked.</source>
            <translation>Sperre von Sozialraum {space} aufgehoben.</translation>
        </message>
        <message>
            <source>Re-optimisation would move {blocks} blocks (outlined in blue on the map). Problems {problems_before} → {problems_after}; {ssd}. Blocks placed by hand ({fixed}) and locked spaces ({locked}) stay as they are.</source>
            <translation>Die Neuoptimierung würde {blocks} Blöcke verschieben (auf der Karte blau umrandet). Probleme {problems_before} → {problems_after}; {ssd}. Von Hand zugeordnete Blöcke ({fixed}) und gesperrte Sozialräume ({locked}) bleiben, wie sie sind.</translation>
        </message>
        <message>
            <source>The change could not be written, nothing was changed: {error}</source>
            <translation>Die Änderung konnte nicht geschrieben werden, nichts wurde geändert: {error}</translation>
        </message>
        <message>
            <source>Pop.</source>
            <translation>Einw.</translation>
        </message>
        <message>
            <source>Sum of squared deviations of the space's blocks from its means ({meaning})</source>
            <translation>Summe der quadrierten Abweichungen der Blöcke des Sozialraums von seinen Mittelwerten ({meaning})</translation>
        </message>
        <message>
            <source>Boundary certainty (optional, off by default): the search is run N more times with other seeds (N = 'number of further runs', default 10) and compared with the proposal. Block certainty: the share of runs that give a block the same neighbours in its space as the proposal (mean over its neighbours), in %. Per space: 'certainty' (mean of its blocks), 'overlap' (per run the largest overlap with a space of the run, residents in both / residents in either, averaged over the runs) and 'stability' (share of runs with a space overlapping it by at least 80 %). Where the runs agree the data decides the boundary; where they disagree the boundary is open to discussion. It costs N times the time of one run ('runs at the same time' above 1 uses more cores and memory); the log and the report say how long it took. Switched on by its check box or by asking for the layer 'Blocks with boundary certainty'.</source>
            <translation>Grenzsicherheit (optional, standardmäßig aus): Die Suche wird N weitere Male mit anderen Startwerten ausgeführt (N = „Anzahl weiterer Läufe“, Standard 10) und mit dem Vorschlag verglichen. Sicherheit eines Blocks: der Anteil der Läufe, die einem Block dieselben Nachbarn in seinem Raum geben wie der Vorschlag (Mittel über seine Nachbarn), in %. Je Raum: „certainty“ (Mittel seiner Blöcke), „overlap“ (je Lauf die größte Überdeckung mit einem Raum des Laufs, Einwohner in beiden / Einwohner in einem der beiden, gemittelt über die Läufe) und „stability“ (Anteil der Läufe mit einem Raum, der sich mit ihm zu mindestens 80 % deckt). Wo die Läufe übereinstimmen, entscheiden die Daten die Grenze; wo sie abweichen, ist die Grenze offen für die Diskussion. Es kostet N-mal die Zeit eines Laufs („gleichzeitige Läufe“ über 1 nutzt mehr Prozessorkerne und Speicher); Protokoll und Bericht nennen die Dauer. Eingeschaltet durch sein Kontrollkästchen oder indem die Ebene „Blöcke mit Grenzsicherheit“ angefordert wird.</translation>
        </message>
        <message>
            <source>Boundary certainty: number of further runs</source>
            <translation>Grenzsicherheit: Anzahl weiterer Läufe</translation>
        </message>
        <message>
            <source>Boundary certainty: runs at the same time (processes)</source>
            <translation>Grenzsicherheit: gleichzeitige Läufe (Prozesse)</translation>
        </message>
        <message>
            <source>Boundary certainty</source>
            <translation>Grenzsicherheit</translation>
        </message>
        <message>
            <source>Measure boundary certainty (further runs with other seeds)</source>
            <translation>Grenzsicherheit messen (weitere Läufe mit anderen Startwerten)</translation>
        </message>
        <message>
            <source>Blocks with boundary certainty</source>
            <translation>Blöcke mit Grenzsicherheit</translation>
        </message>
        <message>
            <source>Block certainty</source>
            <translation>Sicherheit der Blöcke</translation>
        </message>
        <message>
            <source>Mean overlap</source>
            <translation>Mittlere Überdeckung</translation>
        </message>
        <message>
            <source>Stability</source>
            <translation>Stabilität</translation>
        </message>
        <message>
            <source>Boundary certainty: {runs} further runs</source>
            <translation>Grenzsicherheit: {runs} weitere Läufe</translation>
        </message>
        <message>
            <source>Boundary certainty from {runs} further runs (seeds {first} to {last}, {workers} at a time) took {seconds:.0f} s, {each:.1f} s a run. {certain:.0f} % of the pairs of neighbouring blocks on a boundary between spaces are separated by at least 90 % of the runs; mean block certainty {mean:.0f} %.</source>
            <translation type="obsolete">Die Grenzsicherheit aus {runs} weiteren Läufen (Startwerte {first} bis {last}, {workers} gleichzeitig) dauerte {seconds:.0f} s, {each:.1f} s je Lauf. {certain:.0f} % der Paare benachbarter Blöcke an einer Grenze zwischen Räumen werden von mindestens 90 % der Läufe getrennt; mittlere Sicherheit der Blöcke {mean:.0f} %.</translation>
        </message>
        <message>
            <source>Boundary certainty: run {run} of {runs}</source>
            <translation>Grenzsicherheit: Lauf {run} von {runs}</translation>
        </message>
        <message>
            <source>The further runs could not use {workers} processes ({problem}); they ran one after the other.</source>
            <translation>Die weiteren Läufe konnten keine {workers} Prozesse nutzen ({problem}); sie liefen nacheinander.</translation>
        </message>
        <message>
            <source>The search was run {runs} more times with other seeds (took {seconds:.0f} s, {each:.1f} s a run). Block certainty: the share of runs that give a block the same neighbours in its space as this proposal (mean over its neighbours). Mean overlap of a space: per run the largest overlap with one of the run's spaces (residents in both / residents in either), averaged over the runs. Stability: the share of runs with a space that overlaps it by at least {overlap:.0f} %. Boundaries the runs agree on are decided by the data; where they disagree, the boundary could as well lie elsewhere and is open to discussion.</source>
            <translation type="obsolete">Die Suche wurde {runs} weitere Male mit anderen Startwerten ausgeführt (Dauer {seconds:.0f} s, {each:.1f} s je Lauf). Sicherheit eines Blocks: der Anteil der Läufe, die einem Block dieselben Nachbarn in seinem Raum geben wie dieser Vorschlag (Mittel über seine Nachbarn). Mittlere Überdeckung eines Raums: je Lauf die größte Überdeckung mit einem Raum des Laufs (Einwohner in beiden / Einwohner in einem der beiden), gemittelt über die Läufe. Stabilität: der Anteil der Läufe mit einem Raum, der sich mit ihm zu mindestens {overlap:.0f} % deckt. Grenzen, in denen die Läufe übereinstimmen, entscheiden die Daten; wo sie abweichen, könnte die Grenze ebenso woanders liegen und ist offen für die Diskussion.</translation>
        </message>
        <message>
            <source>Of the {total} pairs of neighbouring blocks on a boundary between spaces, {certain} are separated by at least 90 % of the runs, {open} by fewer than half.</source>
            <translation>Von den {total} Paaren benachbarter Blöcke an einer Grenze zwischen Räumen werden {certain} von mindestens 90 % der Läufe getrennt, {open} von weniger als der Hälfte.</translation>
        </message>
        <message>
            <source>The {shown} least stable of {total} spaces.</source>
            <translation>Die {shown} am wenigsten stabilen von {total} Räumen.</translation>
        </message>
        <message>
            <source>Open: under 50 % of the runs agree with the proposal</source>
            <translation>Offen: unter 50 % der Läufe stimmen mit dem Vorschlag überein</translation>
        </message>
        <message>
            <source>Disputed: 50–75 %</source>
            <translation>Strittig: 50–75 %</translation>
        </message>
        <message>
            <source>Mostly certain: 75–90 %</source>
            <translation>Weitgehend sicher: 75–90 %</translation>
        </message>
        <message>
            <source>Certain: 90–100 %</source>
            <translation>Sicher: 90–100 %</translation>
        </message>
        <message>
            <source>The class breaks '{text}' must be 1 to {most} increasing numbers separated by semicolons (-1; 1; 1,5) or commas (-1,1,1.5).</source>
            <translation>Die Klassengrenzen '{text}' müssen 1 bis {most} aufsteigende Zahlen sein, getrennt durch Semikolons (-1; 1; 1,5) oder Kommas (-1,1,1.5).</translation>
        </message>
        <message>
            <source>I would move this boundary: sketch on the map</source>
            <translation>Ich würde diese Grenze verlegen: auf der Karte skizzieren</translation>
        </message>
        <message>
            <source>Press 'Draw on the map', then draw lines with the mouse or a finger; a line that ends where it began marks an area. With the keyboard: move the map with the arrow keys and press Enter for a point at the cross, Escape ends the line.</source>
            <translation>Drücken Sie 'Auf der Karte zeichnen' und zeichnen Sie dann Linien mit der Maus oder dem Finger; eine Linie, die dort endet, wo sie begann, umrandet eine Fläche. Mit der Tastatur: die Karte mit den Pfeiltasten verschieben und Enter für einen Punkt am Kreuz drücken, Escape beendet die Linie.</translation>
        </message>
        <message>
            <source>Draw on the map</source>
            <translation>Auf der Karte zeichnen</translation>
        </message>
        <message>
            <source>Stop drawing</source>
            <translation>Zeichnen beenden</translation>
        </message>
        <message>
            <source>Point at the cross</source>
            <translation>Punkt am Kreuz</translation>
        </message>
        <message>
            <source>End the line</source>
            <translation>Linie beenden</translation>
        </message>
        <message>
            <source>Remove the last line</source>
            <translation>Letzte Linie entfernen</translation>
        </message>
        <message>
            <source>{count} lines sketched for this space</source>
            <translation>{count} Linien für diesen Raum skizziert</translation>
        </message>
        <message>
            <source>1 line sketched for this space</source>
            <translation>1 Linie für diesen Raum skizziert</translation>
        </message>
        <message>
            <source>The space (outlined in black) and its neighbours.</source>
            <translation>Der Raum (schwarz umrandet) und seine Nachbarn.</translation>
        </message>
        <message>
            <source>Proposal for space {space} (web atlas)</source>
            <translation>Vorschlag zum Raum {space} (Web-Atlas)</translation>
        </message>
        <message>
            <source>Proposal for space {space} with a sketch (web atlas)</source>
            <translation>Vorschlag zum Raum {space} mit Skizze (Web-Atlas)</translation>
        </message>
        <message>
            <source>proposal</source>
            <translation>Vorschlag</translation>
        </message>
        <message>
            <source>Import expert comments…</source>
            <translation>Expertenkommentare importieren…</translation>
        </message>
        <message>
            <source>Comment files downloaded from the web atlas (JSON): each comment becomes a proposal in the decision log, never a change of the blocks; sketches go into the layer 'Expert sketches'.</source>
            <translation>Aus dem Web-Atlas heruntergeladene Kommentardateien (JSON): Jeder Kommentar wird ein Vorschlag im Entscheidungsprotokoll, nie eine Änderung der Blöcke; Skizzen kommen in den Layer 'Skizzen der Fachleute'.</translation>
        </message>
        <message>
            <source>Import expert comments</source>
            <translation>Expertenkommentare importieren</translation>
        </message>
        <message>
            <source>Comment files of the web atlas (*.json *.geojson);;All files (*)</source>
            <translation>Kommentardateien des Web-Atlas (*.json *.geojson);;Alle Dateien (*)</translation>
        </message>
        <message>
            <source>Comment {entry} in '{file}' has no space or no text: the file was not imported.</source>
            <translation>Kommentar {entry} in '{file}' hat keinen Raum oder keinen Text: Die Datei wurde nicht importiert.</translation>
        </message>
        <message numerus="yes">
            <source>%n comment(s) were in the decision log already and were not added again.</source>
            <translation>
                <numerusform>%n Kommentar stand schon im Entscheidungsprotokoll und wurde nicht noch einmal aufgenommen.</numerusform>
                <numerusform>%n Kommentare standen schon im Entscheidungsprotokoll und wurden nicht noch einmal aufgenommen.</numerusform>
            </translation>
        </message>
        <message>
            <source>'{file}' is too large for a comment file of the web atlas: not imported.</source>
            <translation>'{file}' ist zu groß für eine Kommentardatei des Web-Atlas: nicht importiert.</translation>
        </message>
        <message>
            <source>'{file}' could not be read as a comment file of the web atlas (a JSON file downloaded from the atlas): not imported.</source>
            <translation>'{file}' ließ sich nicht als Kommentardatei des Web-Atlas lesen (eine aus dem Atlas heruntergeladene JSON-Datei): nicht importiert.</translation>
        </message>
        <message>
            <source>'{file}' is not a comment file of the web atlas (another JSON document, or one of another version): not imported.</source>
            <translation>'{file}' ist keine Kommentardatei des Web-Atlas (ein anderes JSON-Dokument oder eine andere Version): nicht importiert.</translation>
        </message>
        <message>
            <source>Comment {entry} in '{file}' is longer than {limit} characters: the file was not imported.</source>
            <translation>Kommentar {entry} in '{file}' ist länger als {limit} Zeichen: Die Datei wurde nicht importiert.</translation>
        </message>
        <message>
            <source>The sketch of comment {entry} in '{file}' is not a line in longitude and latitude: the file was not imported.</source>
            <translation>Die Skizze von Kommentar {entry} in '{file}' ist keine Linie in geographischer Länge und Breite: Die Datei wurde nicht importiert.</translation>
        </message>
        <message>
            <source>The sketches could not be written to the layer '{layer}'.</source>
            <translation>Die Skizzen konnten nicht in den Layer '{layer}' geschrieben werden.</translation>
        </message>
        <message numerus="yes">
            <source>%n proposal(s) imported from {files}.</source>
            <translation>
                <numerusform>%n Vorschlag aus {files} importiert.</numerusform>
                <numerusform>%n Vorschläge aus {files} importiert.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Sketches of %n comment(s) added to the layer '{layer}'.</source>
            <translation>
                <numerusform>Skizzen von %n Kommentar in den Layer '{layer}' aufgenommen.</numerusform>
                <numerusform>Skizzen von %n Kommentaren in den Layer '{layer}' aufgenommen.</numerusform>
            </translation>
        </message>
        <message>
            <source>Spaces this layer does not have (logged as written): {spaces}.</source>
            <translation>Räume, die dieser Layer nicht hat (wie geschrieben protokolliert): {spaces}.</translation>
        </message>
        <message>
            <source>Expert sketches</source>
            <translation>Skizzen der Fachleute</translation>
        </message>
        <message numerus="yes">
            <source>Switch to variant '{name}': %n block(s) moved</source>
            <translation>
                <numerusform>Zur Variante „{name}“ wechseln: %n Block verschoben</numerusform>
                <numerusform>Zur Variante „{name}“ wechseln: %n Blöcke verschoben</numerusform>
            </translation>
        </message>
        <message>
            <source>variant</source>
            <translation>Variante</translation>
        </message>
        <message>
            <source>Variants</source>
            <translation>Varianten</translation>
        </message>
        <message>
            <source>Save the division as a named variant, switch between variants (one undo step each) and compare any two in the council's change report.</source>
            <translation>Die Einteilung als benannte Variante speichern, zwischen Varianten wechseln (je ein Rückgängig-Schritt) und zwei beliebige im Änderungsbericht für den Rat vergleichen.</translation>
        </message>
        <message>
            <source>Name of the variant</source>
            <translation>Name der Variante</translation>
        </message>
        <message>
            <source>Note (optional)</source>
            <translation>Notiz (optional)</translation>
        </message>
        <message>
            <source>Save as variant</source>
            <translation>Als Variante speichern</translation>
        </message>
        <message>
            <source>Store the division shown now (saved or not) under this name, with your name and the time, beside the decision log.</source>
            <translation>Die jetzt gezeigte Einteilung (gespeichert oder nicht) unter diesem Namen mit Ihrem Namen und der Uhrzeit neben dem Entscheidungsprotokoll ablegen.</translation>
        </message>
        <message>
            <source>Switch to variant</source>
            <translation>Zur Variante wechseln</translation>
        </message>
        <message>
            <source>Give every block the space it has in the chosen variant: one change, one undo step, one row of the decision log. Locked spaces are never changed: a variant that would change one is refused.</source>
            <translation>Jedem Block den Sozialraum geben, den er in der gewählten Variante hat: eine Änderung, ein Rückgängig-Schritt, eine Zeile im Entscheidungsprotokoll. Gesperrte Sozialräume werden nie geändert: Eine Variante, die einen ändern würde, wird abgelehnt.</translation>
        </message>
        <message>
            <source>Delete variant</source>
            <translation>Variante löschen</translation>
        </message>
        <message>
            <source>Compare…</source>
            <translation>Vergleichen…</translation>
        </message>
        <message>
            <source>Write the change report for the council (HTML and PDF) from the first division (old) to the second (new), with the decision log, and open it.</source>
            <translation>Den Änderungsbericht für den Rat (HTML und PDF) von der ersten Einteilung (alt) zur zweiten (neu) mit dem Entscheidungsprotokoll schreiben und öffnen.</translation>
        </message>
        <message>
            <source>Write the change report</source>
            <translation>Änderungsbericht schreiben</translation>
        </message>
        <message>
            <source>Variant</source>
            <translation>Variante</translation>
        </message>
        <message>
            <source>Saved</source>
            <translation>Gespeichert</translation>
        </message>
        <message>
            <source>Note</source>
            <translation>Notiz</translation>
        </message>
        <message>
            <source>Variant {letter}</source>
            <translation>Variante {letter}</translation>
        </message>
        <message>
            <source>Choose a variant first.</source>
            <translation>Wählen Sie zuerst eine Variante.</translation>
        </message>
        <message>
            <source>Variant '{name}' saved ({spaces} spaces): {place}.</source>
            <translation>Variante „{name}“ gespeichert ({spaces} Sozialräume): {place}.</translation>
        </message>
        <message>
            <source>Variant '{name}' deleted.</source>
            <translation>Variante „{name}“ gelöscht.</translation>
        </message>
        <message>
            <source>Change report written: {html} (PDF: {pdf}).</source>
            <translation>Änderungsbericht geschrieben: {html} (PDF: {pdf}).</translation>
        </message>
        <message>
            <source>Change report {first} to {second}</source>
            <translation>Änderungsbericht {first} zu {second}</translation>
        </message>
        <message>
            <source>A variant named '{name}' exists already: choose another name, or delete that variant first.</source>
            <translation>Eine Variante namens „{name}“ gibt es schon: Wählen Sie einen anderen Namen oder löschen Sie zuerst diese Variante.</translation>
        </message>
        <message>
            <source>The variant could not be written to {place}.</source>
            <translation>Die Variante konnte nicht in {place} geschrieben werden.</translation>
        </message>
        <message>
            <source>The division already is variant '{name}': nothing to change.</source>
            <translation>Die Einteilung ist schon die Variante „{name}“: nichts zu ändern.</translation>
        </message>
        <message>
            <source>Delete variant '{name}'? The division of the blocks is not changed.</source>
            <translation>Variante „{name}“ löschen? Die Einteilung der Blöcke bleibt, wie sie ist.</translation>
        </message>
        <message>
            <source>The variant could not be deleted from {place}.</source>
            <translation>Die Variante konnte nicht aus {place} gelöscht werden.</translation>
        </message>
        <message>
            <source>{name}: saved by {author} on {time} from the field '{field}', {blocks} blocks. {note}</source>
            <translation>{name}: gespeichert von {author} am {time} aus dem Feld „{field}“, {blocks} Blöcke. {note}</translation>
        </message>
        <message>
            <source>Choose two different divisions to compare.</source>
            <translation>Wählen Sie zwei verschiedene Einteilungen zum Vergleich.</translation>
        </message>
        <message>
            <source>Saved state</source>
            <translation>Gespeicherter Stand</translation>
        </message>
        <message>
            <source>Current division</source>
            <translation>Aktuelle Einteilung</translation>
        </message>
        <message>
            <source>The division could not be read: {error}</source>
            <translation>Die Einteilung konnte nicht gelesen werden: {error}</translation>
        </message>
        <message>
            <source>The comparison could not be written: {error}</source>
            <translation>Der Vergleich konnte nicht geschrieben werden: {error}</translation>
        </message>
        <message>
            <source>Variant '{name}' cannot be read: it was stored by another program or a later version.</source>
            <translation>Variante „{name}“ kann nicht gelesen werden: Sie wurde von einem anderen Programm oder einer neueren Version gespeichert.</translation>
        </message>
        <message>
            <source>Variant '{name}' would change the locked space(s) {spaces}. Locks are not part of a variant and a switch never changes a locked space: unlock them first, then switch again.</source>
            <translation>Variante „{name}“ würde die gesperrten Sozialräume {spaces} ändern. Sperren gehören nicht zu einer Variante, und ein Wechsel ändert nie einen gesperrten Sozialraum: Entsperren Sie sie zuerst und wechseln Sie dann erneut.</translation>
        </message>
        <message>
            <source>The blocks of the layer changed since variant '{name}' was saved ({missing} of its blocks are missing, {new} blocks are new; first ids: {ids}): the variant cannot be applied.</source>
            <translation>Die Blöcke des Layers haben sich geändert, seit Variante „{name}“ gespeichert wurde ({missing} ihrer Blöcke fehlen, {new} Blöcke sind neu; erste IDs: {ids}): Die Variante kann nicht angewendet werden.</translation>
        </message>
        <message numerus="yes">
            <source>Switched to variant '{name}': %n block(s), {population} residents moved. One undo step (Ctrl+Z) brings the previous division back.</source>
            <translation>
                <numerusform>Zur Variante „{name}“ gewechselt: %n Block, {population} Einwohner verschoben. Ein Rückgängig-Schritt (Strg+Z) bringt die vorige Einteilung zurück.</numerusform>
                <numerusform>Zur Variante „{name}“ gewechselt: %n Blöcke, {population} Einwohner verschoben. Ein Rückgängig-Schritt (Strg+Z) bringt die vorige Einteilung zurück.</numerusform>
            </translation>
        </message>
        <message>
            <source>Residents' share in the block weights (0 = every block alike, 1 = by residents only)</source>
            <translation type="obsolete">Anteil der Einwohner an den Blockgewichten (0 = jeder Block gleich, 1 = nur nach Einwohnern)</translation>
        </message>
        <message>
            <source>Groups blocks into contiguous social spaces that are internally alike in the chosen attributes (social indicators and building structure), with every space's population between the minimum and the maximum.

Attributes are standardised (z-scores) and weighted (WEIGHTS, e.g. 'sgb2_rate=2;old_share=0,5': pairs separated by ';', either decimal mark); with 'balance groups', the building-structure attributes together get the same weight as the social ones. Use rates or shares (e.g. SGB II rate), not raw counts, unless size should matter.

Number of spaces: 0 chooses it automatically as population / middle of the population band, within what the bounds allow in each part of the town; the log says how it was chosen.

Neighbourhood: as in 'Build block adjacency' (gap distance across streets, barrier lines cut links, blocks in different nesting units are never in one space). Initial division: a field with an existing division to start from; locked spaces (comma-separated values of that field) stay exactly as they are.

Objective: the within-space sum of squares of the attributes plus the compactness weight times the length of the boundaries between spaces (street gaps between blocks of one space do not count). The default weight gives compact spaces at nearly the same homogeneity; 0 optimises homogeneity alone, larger values give rounder spaces. With 'weight blocks by residents' (default) every inhabited block counts partly with its residents and partly as one block (the residents' share, an advanced parameter: 0.3 by default, 1 = by residents alone, 0 = every inhabited block alike), so populous blocks count more without outweighing their neighbours; parks, industry and other blocks without residents weigh nothing and go to the neighbouring space that gives the shorter boundary; switched off, every block counts the same.

If the bounds cannot hold (a block above the maximum, a part cut off by barriers with fewer residents than the minimum, an impossible number of spaces) the algorithm either stops with a message naming the blocks, or applies the fallback: such a block becomes its own space, an island joins its nearest block in the same nesting unit (alone in its unit it stays its own space, below the minimum); these spaces are flagged in the output.

Outputs: the blocks with space_id, the dissolved spaces (population, blocks, SSD, Polsby-Popper compactness, convex-hull ratio, enclaves, status ok/below/above/flagged/locked, flags) and an optional HTML report; as numbers the SSD share unweighted and weighted by residents, the mean Polsby-Popper and the number of enclaves. The same seed gives the same result.

The HTML report is a document to hand on: quality figures, a map, the population histogram with the bounds, the flagged spaces with reasons, all parameters and the qgis_process command that repeats the run.</source>
            <translation type="obsolete">Fasst Blöcke zu zusammenhängenden Sozialräumen zusammen, die in den gewählten Merkmalen (Sozialindikatoren und Bebauungsstruktur) in sich ähnlich sind und deren Einwohnerzahl jeweils zwischen Minimum und Maximum liegt.

Die Merkmale werden standardisiert (z-Werte) und gewichtet (WEIGHTS, z. B. 'sgb2_rate=2;old_share=0,5': Paare durch ';' getrennt, Dezimalkomma oder -punkt); mit 'Gruppen ausgleichen' erhalten die Merkmale der Bebauungsstruktur zusammen dasselbe Gewicht wie die sozialen. Verwenden Sie Quoten oder Anteile (z. B. SGB-II-Quote), keine absoluten Zahlen, außer die Größe soll zählen.

Zahl der Räume: 0 wählt sie automatisch als Einwohnerzahl / Mitte der Einwohnerspanne, soweit die Grenzen es in jedem Teil der Stadt zulassen; das Protokoll nennt die Wahl.

Nachbarschaft: wie in 'Blocknachbarschaft bilden' (Lückenabstand über Straßen, Barrierelinien trennen Verbindungen, Blöcke verschiedener Verschachtelungseinheiten liegen nie in einem Raum). Ausgangsgliederung: ein Feld mit einer bestehenden Gliederung als Start; gesperrte Räume (kommagetrennte Werte dieses Feldes) bleiben genau so, wie sie sind.

Zielfunktion: die Quadratsumme der Merkmale innerhalb der Räume plus das Kompaktheitsgewicht mal der Länge der Grenzen zwischen den Räumen (Straßenlücken zwischen Blöcken eines Raums zählen nicht). Das voreingestellte Gewicht ergibt kompakte Räume bei nahezu gleicher Homogenität; 0 optimiert allein die Homogenität, größere Werte ergeben rundere Räume. Mit 'Blöcke nach Einwohnern gewichten' (voreingestellt) zählt jeder bewohnte Block teils mit seinen Einwohnern und teils als ein Block (der Anteil der Einwohner, ein erweiterter Parameter: voreingestellt 0,3; 1 = allein nach Einwohnern, 0 = jeder bewohnte Block gleich), sodass einwohnerstarke Blöcke mehr zählen, ohne ihre Nachbarn zu überstimmen; Parks, Gewerbe und andere Blöcke ohne Einwohner wiegen nichts und fallen dem Nachbarraum zu, der die kürzere Grenze ergibt; ausgeschaltet zählt jeder Block gleich.

Wenn die Grenzen nicht einzuhalten sind (ein Block über dem Maximum, ein durch Barrieren abgeschnittener Teil mit weniger Einwohnern als dem Minimum, eine unmögliche Zahl von Räumen), bricht der Algorithmus entweder mit einer Meldung ab, die die Blöcke nennt, oder wendet die Ersatzlösung an: Ein solcher Block wird ein eigener Raum, eine Insel schließt sich ihrem nächsten Block in derselben Verschachtelungseinheit an (allein in ihrer Einheit bleibt sie ein eigener Raum unter dem Minimum); diese Räume werden in der Ausgabe markiert.

Ausgaben: die Blöcke mit space_id, die zusammengeführten Räume (Einwohner, Blöcke, SSD, Kompaktheit nach Polsby-Popper, Anteil an der konvexen Hülle, Enklaven, Status ok/below/above/flagged/locked, Markierungen) und ein optionaler HTML-Bericht; als Zahlen der SSD-Anteil ungewichtet und nach Einwohnern gewichtet, der mittlere Polsby-Popper-Wert und die Zahl der Enklaven. Derselbe Startwert liefert dasselbe Ergebnis.

Der HTML-Bericht ist ein Dokument zum Weitergeben: Gütemaße, eine Karte, das Einwohner-Histogramm mit den Grenzen, die markierten Räume mit Gründen, alle Parameter und der qgis_process-Befehl, der den Lauf wiederholt.</translation>
        </message>
        <message>
            <source>Residents' share in the block weights (0 = every inhabited block alike, 1 = by residents only)</source>
            <translation>Anteil der Einwohner an den Blockgewichten (0 = jeder bewohnte Block gleich, 1 = nur nach Einwohnern)</translation>
        </message>
        <message>
            <source>The output '{output}' refused feature {feature}: {reason}</source>
            <translation>Die Ausgabe '{output}' hat das Objekt {feature} nicht angenommen: {reason}</translation>
        </message>
        <message>
            <source>no reason given</source>
            <translation>ohne Angabe eines Grundes</translation>
        </message>
        <message>
            <source>{count} blocks have no geometry and get no space: {ids}</source>
            <translation>{count} Blöcke haben keine Geometrie und erhalten keinen Raum: {ids}</translation>
        </message>
        <message>
            <source>{k} spaces, SSD share {share}, population {low} to {high}; {below} below the minimum, {above} above the maximum, {flagged} flagged.</source>
            <translation>{k} Räume, SSD-Anteil {share}, Einwohner {low} bis {high}; {below} unter dem Minimum, {above} über dem Maximum, {flagged} markiert.</translation>
        </message>
        <message>
            <source>{k} spaces, SSD share {share}; {below} below the minimum, {above} above the maximum, {parts} not contiguous, {crossings} barrier crossings, {nesting} spanning several units.</source>
            <translation>{k} Räume, SSD-Anteil {share}; {below} unter dem Minimum, {above} über dem Maximum, {parts} nicht zusammenhängend, {crossings} Barrierequerungen, {nesting} über mehrere Einheiten.</translation>
        </message>
        <message>
            <source>Moved: {population} residents ({share}%) in {blocks} blocks; {reverted} block moves undone for stability.</source>
            <translation>Verschoben: {population} Einwohner ({share} %) in {blocks} Blöcken; {reverted} Blockverschiebungen für die Stabilität zurückgenommen.</translation>
        </message>
        <message>
            <source>Example (sample town Musterstadt, {sample}): the blocks hold counts, so first add rate fields with the field calculator, e.g. sgb2_rate = 100 * sgb2_persons / (pop_total - pop_65plus) and old_share = 100 * pop_65plus / pop_total (scripts/sample_rates.py lists the eleven the demo uses). Then: population field = pop_total, attributes = the rate fields, building-structure attributes = houses_share, highrise_share, prewar_share, postwar_share, floor_per_head, balance groups on, minimum 700, maximum 8,500, number of spaces 0 (automatic), barriers = layer barriers, seed 1. Result: 34 spaces within the bounds, no enclave; the island of 11 blocks cut off by the river is joined to its nearest space, which the report flags for a look. The log and the report give the exact figures.</source>
            <translation>Beispiel (Musterstadt, {sample}): Die Blöcke enthalten Fallzahlen, daher zuerst mit dem Feldrechner Quotenfelder anlegen, z. B. sgb2_rate = 100 * sgb2_persons / (pop_total - pop_65plus) und old_share = 100 * pop_65plus / pop_total (scripts/sample_rates.py listet die elf, die die Demo verwendet). Dann: Einwohnerfeld = pop_total, Merkmale = die Quotenfelder, Merkmale der Baustruktur = houses_share, highrise_share, prewar_share, postwar_share, floor_per_head, Gruppen ausgleichen an, Minimum 700, Maximum 8.500, Anzahl der Räume 0 (automatisch), Barrieren = Layer barriers, Startwert 1. Ergebnis: 34 Räume innerhalb der Grenzen, keine Enklave; die vom Fluss abgeschnittene Insel aus 11 Blöcken wird dem nächstgelegenen Raum zugeschlagen, den der Bericht zur Prüfung markiert. Protokoll und Bericht nennen die genauen Zahlen.</translation>
        </message>
        <message>
            <source>Example (sample town Musterstadt, {sample}): take the blocks output of 'Propose social spaces' with the settings of its example and let the largest space grow by 12 % and the smallest shrink by 30 % (edit pop_total). Then: the same settings, division to update = space_id, stability weight 10. Result: both spaces within the bounds again, a few per cent of the residents at most change their space, only the two spaces and their neighbours change, the others keep their blocks and all 34 their numbers (the log lists them).</source>
            <translation>Beispiel (Musterstadt, {sample}): Nehmen Sie die Blockausgabe von 'Sozialräume vorschlagen' mit den Einstellungen aus dessen Beispiel und lassen Sie den größten Raum um 12 % wachsen und den kleinsten um 30 % schrumpfen (pop_total bearbeiten). Dann: dieselben Einstellungen, fortzuschreibende Gliederung = space_id, Stabilitätsgewicht 10. Ergebnis: beide Räume wieder innerhalb der Grenzen, höchstens wenige Prozent der Einwohner wechseln den Raum, nur die beiden Räume und ihre Nachbarn ändern sich, die übrigen behalten ihre Blöcke und alle 34 ihre Nummern (das Protokoll nennt sie).</translation>
        </message>
        <message>
            <source>Updated social spaces: {layer}</source>
            <translation>Fortgeschriebene Sozialräume: {layer}</translation>
        </message>
        <message>
            <source>Overlaying the new blocks with the old spaces failed.</source>
            <translation>Die Verschneidung der neuen Blöcke mit den alten Räumen ist fehlgeschlagen.</translation>
        </message>
        <message>
            <source>{count} spaces are not polygons; they are written without geometry: {ids}</source>
            <translation>{count} Räume sind keine Polygone; sie werden ohne Geometrie geschrieben: {ids}</translation>
        </message>
        <message>
            <source>drawn spaces</source>
            <translation>gezeichnete Räume</translation>
        </message>
        <message>
            <source>weight points</source>
            <translation>Gewichtungspunkte</translation>
        </message>
        <message>
            <source>The layer '{layer}' of drawn spaces has no features.</source>
            <translation>Der Layer '{layer}' der gezeichneten Räume hat keine Objekte.</translation>
        </message>
        <message>
            <source>The space id field '{field}' is empty for {count} spaces (feature ids {ids}).</source>
            <translation>Das Raum-ID-Feld '{field}' ist bei {count} Räumen leer (Objekt-IDs {ids}).</translation>
        </message>
        <message>
            <source>{count} drawn spaces had invalid polygons (e.g. crossing their own outline); they were repaired for the overlay and are written repaired: {ids}</source>
            <translation>{count} gezeichnete Räume hatten ungültige Polygone (z. B. sich selbst kreuzende Umrisse); sie wurden für die Verschneidung repariert und repariert geschrieben: {ids}</translation>
        </message>
        <message>
            <source>Fields of the drawn spaces replaced by this run's values: {fields}</source>
            <translation>Felder der gezeichneten Räume, die durch die Werte dieses Laufs ersetzt werden: {fields}</translation>
        </message>
        <message>
            <source>polygons</source>
            <translation>Polygone</translation>
        </message>
        <message>
            <source>points</source>
            <translation>Punkte</translation>
        </message>
        <message>
            <source>no geometry</source>
            <translation>keine Geometrie</translation>
        </message>
        <message>
            <source>The layer '{layer}' given as {role} has {found}; it needs {needed}.</source>
            <translation>Der als {role} angegebene Layer '{layer}' enthält {found}; benötigt werden {needed}.</translation>
        </message>
        <message>
            <source>lines</source>
            <translation>Linien</translation>
        </message>
        <message>
            <source>Read NULL values of the blocks as 0 (municipal values)</source>
            <translation>NULL-Werte der Blöcke als 0 lesen (gesamtstädtische Werte)</translation>
        </message>
        <message>
            <source>The municipal value of {count} indicators is empty ('x') because blocks have NULL values: {ids}. 'Read NULL values of the blocks as 0' computes them as 'Push indicators' does with that option.</source>
            <translation>Der gesamtstädtische Wert von {count} Indikatoren ist leer ('x'), weil Blöcke NULL-Werte haben: {ids}. 'NULL-Werte der Blöcke als 0 lesen' berechnet sie so, wie 'Indikatoren übertragen' es mit dieser Option tut.</translation>
        </message>
        <message>
            <source>The drawn spaces keep their own fields (names, remarks). Where two drawn spaces overlap, the overlap's blocks count in both, with either method. Numbers stored as text are read in one notation per field (advanced parameter 'Numbers stored as text').</source>
            <translation>Die gezeichneten Räume behalten ihre eigenen Felder (Namen, Bemerkungen). Wo sich zwei gezeichnete Räume überlappen, zählen die Blöcke der Überlappung bei beiden, mit beiden Methoden. Als Text gespeicherte Zahlen werden je Feld in einer Schreibweise gelesen (erweiterter Parameter 'Als Text gespeicherte Zahlen').</translation>
        </message>
        <message>
            <source>The field is used by the indicators {ids} of the catalogue.</source>
            <translation>Das Feld wird von den Indikatoren {ids} des Katalogs verwendet.</translation>
        </message>
        <message>
            <source>The run stopped after these layers had been replaced; they hold its output, not the earlier content: {layers}</source>
            <translation>Der Lauf wurde angehalten, nachdem diese Layer schon ersetzt waren; sie enthalten seine Ausgabe, nicht den früheren Inhalt: {layers}</translation>
        </message>
        <message>
            <source>{count} spaces have no population value (NULL), so their size cannot be checked against the minimum of {minimum}; they get no index or type: {ids}</source>
            <translation>{count} Räume haben keinen Einwohnerwert (NULL), ihre Größe lässt sich daher nicht am Minimum von {minimum} prüfen; sie erhalten keinen Index und keinen Typ: {ids}</translation>
        </message>
        <message>
            <source>{output} would replace the table {schema}.{table} of the database {database}, read by {input}. Choose another table name.</source>
            <translation>{output} würde die Tabelle {schema}.{table} der Datenbank {database} ersetzen, die {input} liest. Wählen Sie einen anderen Tabellennamen.</translation>
        </message>
        <message>
            <source>The run's barrier layers cannot be read: {names}. Contiguity is judged without them; choose the barrier lines under 'Barrier lines'.</source>
            <translation>Die Barrierelayer des Laufs sind nicht lesbar: {names}. Der Zusammenhang wird ohne sie beurteilt; wählen Sie die Barrierelinien unter „Barrierelinien“.</translation>
        </message>
        <message>
            <source>The run's barrier layers cannot be read: {names}. The barrier lines chosen here are used instead.</source>
            <translation>Die Barrierelayer des Laufs sind nicht lesbar: {names}. Stattdessen gelten die hier gewählten Barrierelinien.</translation>
        </message>
        <message>
            <source>no type (too small or values missing)</source>
            <translation>ohne Typ (zu klein oder Werte fehlen)</translation>
        </message>
        <message>
            <source>{output} would replace the existing file {file}, which is not a {kind} file. Choose a file name ending in .{extension}.</source>
            <translation>{output} würde die vorhandene Datei {file} ersetzen, die keine {kind}-Datei ist. Wählen Sie einen Dateinamen mit der Endung .{extension}.</translation>
        </message>
        <message>
            <source>no index (too small or values missing)</source>
            <translation>ohne Index (zu klein oder Werte fehlen)</translation>
        </message>
        <message>
            <source>Blocks (municipal values and a map layer)</source>
            <translation>Blöcke (gesamtstädtische Werte und Kartenebene)</translation>
        </message>
        <message>
            <source>Barriers (lines)</source>
            <translation>Barrieren (Linien)</translation>
        </message>
        <message>
            <source>Background map tile URL (needs the network)</source>
            <translation>Kachel-URL einer Hintergrundkarte (braucht das Netz)</translation>
        </message>
        <message>
            <source>Space name field</source>
            <translation>Feld mit dem Namen des Sozialraums</translation>
        </message>
        <message>
            <source>Blocks (map and municipal values)</source>
            <translation>Baublöcke (Karte und Werte der Gesamtstadt)</translation>
        </message>
        <message>
            <source>Space field of the blocks</source>
            <translation>Sozialraumfeld der Baublöcke</translation>
        </message>
        <message>
            <source>{spaces} spaces, {indicators} indicators from {blocks} blocks in {seconds} s.</source>
            <translation>{spaces} Sozialräume, {indicators} Indikatoren aus {blocks} Blöcken in {seconds} s.</translation>
        </message>
        <message>
            <source>Atlas of {spaces} spaces written to {file} ({size} in {seconds} s).</source>
            <translation>Atlas mit {spaces} Räumen nach {file} geschrieben ({size} in {seconds} s).</translation>
        </message>
        <message>
            <source>The search was run {runs} more times with other seeds (took {seconds} s, {each} s a run). Block certainty: the share of runs that give a block the same neighbours in its space as this proposal (mean over its neighbours). Mean overlap of a space: per run the largest overlap with one of the run's spaces (residents in both / residents in either), averaged over the runs. Stability: the share of runs with a space that overlaps it by at least {overlap} %. Boundaries the runs agree on are decided by the data; where they disagree, the boundary could as well lie elsewhere and is open to discussion.</source>
            <translation>Die Suche wurde {runs} weitere Male mit anderen Startwerten ausgeführt (Dauer {seconds} s, {each} s je Lauf). Sicherheit eines Blocks: der Anteil der Läufe, die einem Block dieselben Nachbarn in seinem Raum geben wie dieser Vorschlag (Mittel über seine Nachbarn). Mittlere Überdeckung eines Raums: je Lauf die größte Überdeckung mit einem Raum des Laufs (Einwohner in beiden / Einwohner in einem der beiden), gemittelt über die Läufe. Stabilität: der Anteil der Läufe mit einem Raum, der sich mit ihm zu mindestens {overlap} % deckt. Grenzen, in denen die Läufe übereinstimmen, entscheiden die Daten; wo sie abweichen, könnte die Grenze ebenso woanders liegen und ist offen für die Diskussion.</translation>
        </message>
        <message>
            <source>{spaces} drawn spaces, {indicators} indicators from {blocks} blocks in {seconds} s.</source>
            <translation>{spaces} gezeichnete Räume, {indicators} Indikatoren aus {blocks} Blöcken in {seconds} s.</translation>
        </message>
        <message>
            <source>{pages} profile pages written to {file} in {seconds} s.</source>
            <translation>{pages} Profilseiten in {seconds} s nach {file} geschrieben.</translation>
        </message>
        <message>
            <source>Space {space}: {note}; residents in {pop_in} ({blocks_in} blocks), out {pop_out} ({blocks_out} blocks).</source>
            <translation type="obsolete">Raum {space}: {note}; Einwohner hinzu {pop_in} ({blocks_in} Blöcke), abgegeben {pop_out} ({blocks_out} Blöcke).</translation>
        </message>
        <message>
            <source>Social space profiles</source>
            <translation>Sozialraumprofile</translation>
        </message>
        <message>
            <source>Boundary certainty from {runs} further runs (seeds {first} to {last}, {workers} at a time) took {seconds} s, {each} s a run. {certain} % of the pairs of neighbouring blocks on a boundary between spaces are separated by at least 90 % of the runs; mean block certainty {mean} %.</source>
            <translation>Die Grenzsicherheit aus {runs} weiteren Läufen (Startwerte {first} bis {last}, {workers} gleichzeitig) dauerte {seconds} s, {each} s je Lauf. {certain} % der Paare benachbarter Blöcke an einer Grenze zwischen Räumen werden von mindestens 90 % der Läufe getrennt; mittlere Sicherheit der Blöcke {mean} %.</translation>
        </message>
        <message numerus="yes">
            <source>%n block(s) without a population value, counted as 0: {ids}</source>
            <translation>
                <numerusform>%n Block ohne Einwohnerwert, als 0 gezählt: {ids}</numerusform>
                <numerusform>%n Blöcke ohne Einwohnerwert, als 0 gezählt: {ids}</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n space(s) came out comb-shaped (Polsby-Popper below {threshold}) at the compactness weight {chosen}; the search ran again with the weight {used}, which leaves {left}.</source>
            <translation type="obsolete">
                <numerusform>%n Raum war kammförmig (Polsby-Popper unter {threshold}) beim Kompaktheitsgewicht {chosen}; die Suche lief erneut mit dem Gewicht {used}, danach bleiben {left}.</numerusform>
                <numerusform>%n Räume waren kammförmig (Polsby-Popper unter {threshold}) beim Kompaktheitsgewicht {chosen}; die Suche lief erneut mit dem Gewicht {used}, danach bleiben {left}.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>A part cut off by barriers or nesting has only {population} residents, fewer than the minimum (%n block(s): {ids}).</source>
            <translation>
                <numerusform>Ein durch Barrieren oder Verschachtelung abgeschnittener Teil hat nur {population} Einwohner, weniger als das Minimum (%n Block: {ids}).</numerusform>
                <numerusform>Ein durch Barrieren oder Verschachtelung abgeschnittener Teil hat nur {population} Einwohner, weniger als das Minimum (%n Blöcke: {ids}).</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>A part with {population} residents (%n block(s): {ids}) cannot be divided into spaces within the population bounds.</source>
            <translation>
                <numerusform>Ein Teil mit {population} Einwohnern (%n Block: {ids}) lässt sich nicht in Räume innerhalb der Einwohnergrenzen teilen.</numerusform>
                <numerusform>Ein Teil mit {population} Einwohnern (%n Blöcke: {ids}) lässt sich nicht in Räume innerhalb der Einwohnergrenzen teilen.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Island of %n block(s) ({population} residents: {ids}) joined to its nearest block {anchor}.</source>
            <translation type="obsolete">
                <numerusform>Insel aus %n Block ({population} Einwohner: {ids}) an ihren nächsten Block {anchor} angeschlossen.</numerusform>
                <numerusform>Insel aus %n Blöcken ({population} Einwohner: {ids}) an ihren nächsten Block {anchor} angeschlossen.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Attribute '{field}' is empty for %n block(s) with residents; they count as average, a value nobody measured: {ids}</source>
            <translation>
                <numerusform>Das Merkmal '{field}' ist bei %n Block mit Einwohnern leer; er zählt als Durchschnitt, ein Wert, den niemand gemessen hat: {ids}</numerusform>
                <numerusform>Das Merkmal '{field}' ist bei %n Blöcken mit Einwohnern leer; sie zählen als Durchschnitt, ein Wert, den niemand gemessen hat: {ids}</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Attribute '{field}' is empty for %n block(s) without residents; they count as average: {ids}</source>
            <translation>
                <numerusform>Das Merkmal '{field}' ist bei %n Block ohne Einwohner leer; er zählt als Durchschnitt: {ids}</numerusform>
                <numerusform>Das Merkmal '{field}' ist bei %n Blöcken ohne Einwohner leer; sie zählen als Durchschnitt: {ids}</numerusform>
            </translation>
        </message>
        <message>
            <source>Groups blocks into contiguous social spaces that are internally alike in the chosen attributes (social indicators and building structure), with every space's population between the minimum and the maximum.

Attributes are standardised (z-scores) and weighted (WEIGHTS, e.g. 'sgb2_rate=2;old_share=0,5': pairs separated by ';', either decimal mark); with 'Give social and building-structure attributes equal total weight', the building-structure attributes together get the same weight as the social ones; they count for homogeneity whether or not they are also listed among its attributes. Use rates or shares (e.g. SGB II rate), not raw counts, unless size should matter.

Number of spaces: 0 chooses it automatically as population / middle of the population band, within what the bounds allow in each part of the town; the log says how it was chosen.

Neighbourhood: as in 'Build block adjacency' (gap distance across streets, barrier lines cut links, blocks in different nesting units are never in one space). Initial division: a field with an existing division to start from; locked spaces (comma-separated values of that field) stay exactly as they are.

Objective: the within-space sum of squares of the attributes plus the compactness weight times the length of the boundaries between spaces (street gaps between blocks of one space do not count). The default weight gives compact spaces at nearly the same homogeneity; 0 optimises homogeneity alone, larger values give rounder spaces. With 'weight blocks by residents' (default) every inhabited block counts partly with its residents and partly as one block (the residents' share, an advanced parameter: 0.3 by default, 1 = by residents alone, 0 = every inhabited block alike), so populous blocks count more without outweighing their neighbours; parks, industry and other blocks without residents weigh nothing and go to the neighbouring space that gives the shorter boundary; switched off, every block counts the same.

If the bounds cannot hold (a block above the maximum, a part cut off by barriers with fewer residents than the minimum, an impossible number of spaces) the algorithm either stops with a message naming the blocks, or applies the fallback: such a block becomes its own space, an island joins its nearest block in the same nesting unit (alone in its unit it stays its own space, below the minimum); these spaces are flagged in the output.

Outputs: the blocks with space_id, the dissolved spaces (population, blocks, SSD, Polsby-Popper compactness, convex-hull ratio, enclaves, status ok/below/above/flagged/locked, flags) and an optional HTML report; as numbers the SSD share unweighted and weighted by residents, the mean Polsby-Popper and the number of enclaves. The same seed gives the same result.

The HTML report is a document to hand on: quality figures, a map, the population histogram with the bounds, the flagged spaces with reasons, all parameters and the qgis_process command that repeats the run.</source>
            <translation>Fasst Blöcke zu zusammenhängenden Sozialräumen zusammen, die in den gewählten Merkmalen (Sozialindikatoren und Bebauungsstruktur) in sich ähnlich sind und deren Einwohnerzahl jeweils zwischen Minimum und Maximum liegt.

Die Merkmale werden standardisiert (z-Werte) und gewichtet (WEIGHTS, z. B. 'sgb2_rate=2;old_share=0,5': Paare durch ';' getrennt, Dezimalkomma oder -punkt); mit 'Sozialen Merkmalen und Merkmalen der Bebauungsstruktur dasselbe Gesamtgewicht geben' erhalten die Merkmale der Bebauungsstruktur zusammen dasselbe Gewicht wie die sozialen; sie zählen für die Homogenität, ob sie auch unter deren Merkmalen stehen oder nicht. Verwenden Sie Quoten oder Anteile (z. B. SGB-II-Quote), keine absoluten Zahlen, außer die Größe soll zählen.

Zahl der Räume: 0 wählt sie automatisch als Einwohnerzahl / Mitte der Einwohnerspanne, soweit die Grenzen es in jedem Teil der Stadt zulassen; das Protokoll nennt die Wahl.

Nachbarschaft: wie in 'Blocknachbarschaft bilden' (Lückenabstand über Straßen, Barrierelinien trennen Verbindungen, Blöcke verschiedener Verschachtelungseinheiten liegen nie in einem Raum). Ausgangsgliederung: ein Feld mit einer bestehenden Gliederung als Start; gesperrte Räume (kommagetrennte Werte dieses Feldes) bleiben genau so, wie sie sind.

Zielfunktion: die Quadratsumme der Merkmale innerhalb der Räume plus das Kompaktheitsgewicht mal der Länge der Grenzen zwischen den Räumen (Straßenlücken zwischen Blöcken eines Raums zählen nicht). Das voreingestellte Gewicht ergibt kompakte Räume bei nahezu gleicher Homogenität; 0 optimiert allein die Homogenität, größere Werte ergeben rundere Räume. Mit 'Blöcke nach Einwohnern gewichten' (voreingestellt) zählt jeder bewohnte Block teils mit seinen Einwohnern und teils als ein Block (der Anteil der Einwohner, ein erweiterter Parameter: voreingestellt 0,3; 1 = allein nach Einwohnern, 0 = jeder bewohnte Block gleich), sodass einwohnerstarke Blöcke mehr zählen, ohne ihre Nachbarn zu überstimmen; Parks, Gewerbe und andere Blöcke ohne Einwohner wiegen nichts und fallen dem Nachbarraum zu, der die kürzere Grenze ergibt; ausgeschaltet zählt jeder Block gleich.

Wenn die Grenzen nicht einzuhalten sind (ein Block über dem Maximum, ein durch Barrieren abgeschnittener Teil mit weniger Einwohnern als dem Minimum, eine unmögliche Zahl von Räumen), bricht der Algorithmus entweder mit einer Meldung ab, die die Blöcke nennt, oder wendet die Ersatzlösung an: Ein solcher Block wird ein eigener Raum, eine Insel schließt sich ihrem nächsten Block in derselben Verschachtelungseinheit an (allein in ihrer Einheit bleibt sie ein eigener Raum unter dem Minimum); diese Räume werden in der Ausgabe markiert.

Ausgaben: die Blöcke mit space_id, die zusammengeführten Räume (Einwohner, Blöcke, SSD, Kompaktheit nach Polsby-Popper, Anteil an der konvexen Hülle, Enklaven, Status ok/below/above/flagged/locked, Markierungen) und ein optionaler HTML-Bericht; als Zahlen der SSD-Anteil ungewichtet und nach Einwohnern gewichtet, der mittlere Polsby-Popper-Wert und die Zahl der Enklaven. Derselbe Startwert liefert dasselbe Ergebnis.

Der HTML-Bericht ist ein Dokument zum Weitergeben: Gütemaße, eine Karte, das Einwohner-Histogramm mit den Grenzen, die markierten Räume mit Gründen, alle Parameter und der qgis_process-Befehl, der den Lauf wiederholt.</translation>
        </message>
        <message>
            <source>layer {name}</source>
            <translation>Layer {name}</translation>
        </message>
        <message numerus="yes">
            <source>%n locked space(s) outside the population bounds, kept as they are: {spaces}</source>
            <translation>
                <numerusform>%n gesperrter Raum außerhalb der Einwohnergrenzen, unverändert beibehalten: {spaces}</numerusform>
                <numerusform>%n gesperrte Räume außerhalb der Einwohnergrenzen, unverändert beibehalten: {spaces}</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n space(s) came out comb-shaped (Polsby-Popper below {threshold}) at the compactness weight {chosen}; the search ran again with the weight {used}, which leaves {left}. The SSD share went from {before} to {after}.</source>
            <translation>
                <numerusform>%n Raum war kammförmig (Polsby-Popper unter {threshold}) beim Kompaktheitsgewicht {chosen}; die Suche lief erneut mit dem Gewicht {used}, danach bleiben {left}. Der SSD-Anteil änderte sich von {before} auf {after}.</numerusform>
                <numerusform>%n Räume waren kammförmig (Polsby-Popper unter {threshold}) beim Kompaktheitsgewicht {chosen}; die Suche lief erneut mit dem Gewicht {used}, danach bleiben {left}. Der SSD-Anteil änderte sich von {before} auf {after}.</numerusform>
            </translation>
        </message>
        <message>
            <source>Boundary of the nesting units ({field})</source>
            <translation>Grenze der Verschachtelungseinheiten ({field})</translation>
        </message>
        <message>
            <source>the search used {weight} against comb-shaped spaces; see the notes</source>
            <translation>die Suche verwendete {weight} gegen kammförmige Räume; siehe die Hinweise</translation>
        </message>
        <message>
            <source>Space {old} was dissolved: its residents went {parts}; its number is not given out again.</source>
            <translation>Raum {old} wurde aufgelöst: seine Einwohner gingen {parts}; seine Nummer wird nicht wieder vergeben.</translation>
        </message>
        <message>
            <source>First free number after the space split from (403 -&gt; 410 when 404-409 exist)</source>
            <translation>Erste freie Nummer nach dem Raum, von dem abgeteilt wurde (403 -&gt; 410, wenn 404-409 bestehen)</translation>
        </message>
        <message>
            <source>{share} to {space}</source>
            <translation>{share} an {space}</translation>
        </message>
        <message>
            <source>Space {space}: {note}; residents in {pop_in} ({blocks_in}), out {pop_out} ({blocks_out}).</source>
            <translation>Raum {space}: {note}; Einwohner hinzu {pop_in} ({blocks_in}), abgegeben {pop_out} ({blocks_out}).</translation>
        </message>
        <message numerus="yes">
            <source>%n block(s)</source>
            <translation>
                <numerusform>%n Block</numerusform>
                <numerusform>%n Blöcke</numerusform>
            </translation>
        </message>
        <message>
            <source>first free number after the space split from</source>
            <translation>erste freie Nummer nach dem Raum, von dem abgeteilt wurde</translation>
        </message>
        <message>
            <source>dissolved, most residents to {space}</source>
            <translation>aufgelöst, die meisten Einwohner an {space}</translation>
        </message>
        <message>
            <source>With an initial division every space that carries on keeps its number (the field keeps its name and the old value goes to space_before): new spaces get the next free number, the number they were split from with a letter (31a) or the first free number after it (403 -&gt; 410 when 404-409 exist, for numbers that encode a district); a dissolved number is never given out again. The spaces output and the log say per space: kept, boundary changed, split from, new, took in (dissolved spaces), and where the residents of a dissolved space went.</source>
            <translation>Mit einer Ausgangsgliederung behält jeder fortbestehende Raum seine Nummer (das Feld behält seinen Namen, der alte Wert steht in space_before): neue Räume erhalten die nächste freie Nummer, die Nummer des Raums, von dem sie abgetrennt wurden, mit einem Buchstaben (31a) oder die erste freie Nummer danach (403 -&gt; 410, wenn 404-409 bestehen, für Nummern, die einen Stadtteil kodieren); eine aufgelöste Nummer wird nie wieder vergeben. Die Raumausgabe und das Protokoll nennen je Raum: unverändert, Grenze geändert, abgetrennt von, neu, aufgenommen (aufgelöste Räume), und wohin die Einwohner eines aufgelösten Raums gingen.</translation>
        </message>
        <message>
            <source>Updates an adopted division (the initial division field) when residents or blocks have changed, and changes as little as possible: spaces within the population bounds stay exactly as they are unless a neighbour needs them. Spaces outside the bounds, spaces cut in pieces and spaces next to blocks without a space (new blocks, e.g. from 'Carry a division onto new blocks') are divided again together with their neighbouring spaces, starting from the old division and with the same number of spaces unless the bounds need another.

Stability weight: the search also moves blocks to make spaces more alike. A move is undone when its gain in homogeneity (share of the total sum of squares) is less than the weight times the share of all residents it moves, and undoing it keeps the bounds and contiguity. 0 keeps every move (homogeneity first); the default 10 keeps only clear gains; larger values move fewer residents.

Every space that carries on keeps its number (the field keeps its name, the old value goes to space_before); new spaces get the next free number, the number they were split from with a letter (31a) or the first free number after it (403 -&gt; 410); a dissolved number is never given out again. The log and the spaces output state per space what changed and the residents and blocks moved in and out. The other parameters and outputs are those of 'Propose social spaces'; the number of spaces is not used.</source>
            <translation>Schreibt eine beschlossene Gliederung (das Feld der Ausgangsgliederung) fort, wenn sich Einwohner oder Blöcke geändert haben, und ändert so wenig wie möglich: Räume innerhalb der Einwohnergrenzen bleiben genau, wie sie sind, außer ein Nachbar braucht sie. Räume außerhalb der Grenzen, zerteilte Räume und Räume neben Blöcken ohne Raum (neue Blöcke, z. B. aus 'Gliederung auf neue Blöcke übertragen') werden zusammen mit ihren Nachbarräumen neu gegliedert, ausgehend von der alten Gliederung und mit derselben Zahl von Räumen, sofern die Grenzen keine andere verlangen.

Stabilitätsgewicht: Die Suche verschiebt auch Blöcke, um Räume einheitlicher zu machen. Eine Verschiebung wird zurückgenommen, wenn ihr Gewinn an Homogenität (Anteil an der gesamten Quadratsumme) kleiner ist als das Gewicht mal dem Anteil aller Einwohner, die sie verschiebt, und die Rücknahme Grenzen und Zusammenhang wahrt. 0 behält jede Verschiebung (Homogenität zuerst); der Standardwert 10 behält nur deutliche Gewinne; größere Werte verschieben weniger Einwohner.

Jeder fortbestehende Raum behält seine Nummer (das Feld behält seinen Namen, der alte Wert steht in space_before); neue Räume erhalten die nächste freie Nummer, die Nummer des Raums, von dem sie abgetrennt wurden, mit einem Buchstaben (31a) oder die erste freie Nummer danach (403 -&gt; 410); eine aufgelöste Nummer wird nie wieder vergeben. Protokoll und Raumausgabe nennen je Raum, was sich geändert hat, und die hinzugekommenen und abgegebenen Einwohner und Blöcke. Die übrigen Parameter und Ausgaben sind die von 'Sozialräume vorschlagen'; die Zahl der Räume wird nicht verwendet.</translation>
        </message>
        <message>
            <source>Changes against the initial division</source>
            <translation>Änderungen gegenüber der Ausgangsgliederung</translation>
        </message>
        <message>
            <source>{kept} spaces kept, {changed} with a changed boundary, {split} split off, {new} new, {dissolved} dissolved.</source>
            <translation>{kept} Räume unverändert, {changed} mit geänderter Grenze, {split} abgetrennt, {new} neu, {dissolved} aufgelöst.</translation>
        </message>
        <message>
            <source>Residents in</source>
            <translation>Einwohner hinzu</translation>
        </message>
        <message>
            <source>Residents out</source>
            <translation>Einwohner abgegeben</translation>
        </message>
        <message numerus="yes">
            <source>%n space(s) came out comb-shaped (Polsby-Popper below {threshold}) at the compactness weight {chosen}; runs again with weights up to {tried} left no fewer, so the first division is kept. A larger compactness weight or other attributes may avoid them; the report lists them under low compactness.</source>
            <translation>
                <numerusform>%n Raum war kammförmig (Polsby-Popper unter {threshold}) beim Kompaktheitsgewicht {chosen}; erneute Läufe mit Gewichten bis {tried} ergaben nicht weniger, daher bleibt die erste Gliederung. Ein größeres Kompaktheitsgewicht oder andere Merkmale können das vermeiden; der Bericht nennt sie als „wenig kompakt“.</numerusform>
                <numerusform>%n Räume waren kammförmig (Polsby-Popper unter {threshold}) beim Kompaktheitsgewicht {chosen}; erneute Läufe mit Gewichten bis {tried} ergaben nicht weniger, daher bleibt die erste Gliederung. Ein größeres Kompaktheitsgewicht oder andere Merkmale können das vermeiden; der Bericht nennt sie als „wenig kompakt“.</numerusform>
            </translation>
        </message>
        <message>
            <source>The report lists the spaces left comb-shaped under low compactness; a larger compactness weight than {used} avoids them.</source>
            <translation>Der Bericht nennt die verbliebenen kammförmigen Räume als „wenig kompakt“; ein größeres Kompaktheitsgewicht als {used} vermeidet sie.</translation>
        </message>
        <message>
            <source>Spaces flagged by the fallback (status 'flagged')</source>
            <translation>Von der Ersatzlösung markierte Räume (Status 'flagged')</translation>
        </message>
        <message>
            <source>Spaces that need a second look</source>
            <translation>Räume, die einen zweiten Blick brauchen</translation>
        </message>
        <message>
            <source>No space needs a second look: all lie within the population bounds, are contiguous and reasonably compact.</source>
            <translation>Kein Raum braucht einen zweiten Blick: alle liegen innerhalb der Einwohnergrenzen, hängen zusammen und sind ausreichend kompakt.</translation>
        </message>
        <message numerus="yes">
            <source>Island of %n block(s) ({ids}; {population} residents) joined to its nearest block {anchor}.</source>
            <translation>
                <numerusform>Insel aus %n Block ({ids}; {population} Einwohner) an ihren nächsten Block {anchor} angeschlossen.</numerusform>
                <numerusform>Insel aus %n Blöcken ({ids}; {population} Einwohner) an ihren nächsten Block {anchor} angeschlossen.</numerusform>
            </translation>
        </message>
        <message>
            <source>The initial division has {initial} spaces; this run made {made} (number chosen automatically) and changed {changed} of them. For as little change as possible, use 'Update a division with minimal change', or give the number of spaces.</source>
            <translation>Die Ausgangsgliederung hat {initial} Räume; dieser Lauf bildete {made} (Zahl automatisch gewählt) und änderte {changed} davon. Für möglichst wenig Änderung verwenden Sie 'Gliederung mit möglichst wenig Änderungen fortschreiben' oder geben die Zahl der Räume vor.</translation>
        </message>
        <message>
            <source>holds an island cut off by barriers ({island} residents), joined to its nearest block; without it {mainland} residents</source>
            <translation>enthält eine durch Barrieren abgeschnittene Insel ({island} Einwohner), an ihren nächsten Block angeschlossen; ohne sie {mainland} Einwohner</translation>
        </message>
        <message>
            <source>holds an island cut off by barriers ({island} residents), joined to its nearest block; without it {mainland} residents, below the minimum</source>
            <translation>enthält eine durch Barrieren abgeschnittene Insel ({island} Einwohner), an ihren nächsten Block angeschlossen; ohne sie {mainland} Einwohner, unter dem Minimum</translation>
        </message>
    </context>
</TS>
