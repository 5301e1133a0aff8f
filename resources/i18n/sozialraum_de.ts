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
            <translation>Fasst Blöcke zu zusammenhängenden Sozialräumen zusammen, die in den gewählten Merkmalen (Sozialindikatoren und Bebauungsstruktur) in sich ähnlich sind und deren Einwohnerzahl jeweils zwischen Minimum und Maximum liegt.

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
            <translation>Markierte Räume</translation>
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
            <translation>{k} Räume, SSD-Anteil {share:.3f}, Einwohner {low:.0f} bis {high:.0f}; {below} unter dem Minimum, {above} über dem Maximum, {flagged} markiert.</translation>
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
            <translation>{count} Blöcke haben keine Einwohnerzahl und zählen als 0: {ids}</translation>
        </message>
        <message>
            <source>Proposed social spaces</source>
            <translation>Vorgeschlagene Sozialräume</translation>
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
            <translation>de</translation>
        </message>
        <message>
            <source>Attribute '{field}' is empty for {count} blocks (e.g. without residents); they count as average: {ids}</source>
            <translation>Das Merkmal '{field}' ist bei {count} Blöcken leer (z. B. ohne Einwohner); sie zählen als Durchschnitt: {ids}</translation>
        </message>
        <message>
            <source>Block {id} has {population} residents, more than the maximum.</source>
            <translation>Block {id} hat {population} Einwohner, mehr als das Maximum.</translation>
        </message>
        <message>
            <source>A part cut off by barriers or nesting has only {population} residents, fewer than the minimum ({count} blocks: {ids}).</source>
            <translation>Ein durch Barrieren oder Verschachtelung abgeschnittener Teil hat nur {population} Einwohner, weniger als das Minimum ({count} Blöcke: {ids}).</translation>
        </message>
        <message>
            <source>{requested} spaces cannot all lie within the population bounds; possible are {low} to {high}.</source>
            <translation>{requested} Räume können nicht alle innerhalb der Einwohnergrenzen liegen; möglich sind {low} bis {high}.</translation>
        </message>
        <message>
            <source>A part with {population} residents ({count} blocks: {ids}) cannot be divided into spaces within the population bounds.</source>
            <translation>Ein Teil mit {population} Einwohnern ({count} Blöcke: {ids}) lässt sich nicht in Räume innerhalb der Einwohnergrenzen teilen.</translation>
        </message>
        <message>
            <source>Island of {count} blocks ({population} residents: {ids}) joined to its nearest block {anchor}.</source>
            <translation>Insel aus {count} Blöcken ({population} Einwohner: {ids}) an ihren nächsten Block {anchor} angeschlossen.</translation>
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
            <translation>darunter</translation>
        </message>
        <message>
            <source>above</source>
            <translation>darüber</translation>
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
            <translation>Bewertet eine bestehende Gliederung von Blöcken in Räume (ein Feld mit dem Raum jedes Blocks) nach denselben Regeln wie 'Sozialräume vorschlagen': Homogenität als Anteil der Quadratsumme innerhalb der Räume an der gesamten (SSD-Anteil; Merkmale standardisiert und gewichtet wie dort), Einwohner je Raum gegenüber Minimum und Maximum, Zusammenhang (Räume aus mehreren Teilen), Barrierequerungen innerhalb von Räumen, Kompaktheit (Polsby-Popper, Straßenlücken geschlossen) und Räume über mehr als eine Einheit des Verschachtelungsfeldes.

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
            <translation>{k} Räume, SSD-Anteil {share:.3f}; {below} unter dem Minimum, {above} über dem Maximum, {parts} nicht zusammenhängend, {crossings} Barrierequerungen, {nesting} über mehrere Einheiten.</translation>
        </message>
        <message>
            <source>{count} blocks have no space: {ids}</source>
            <translation>{count} Blöcke haben keinen Raum: {ids}</translation>
        </message>
        <message>
            <source>Evaluation of a division</source>
            <translation>Bewertung einer Gliederung</translation>
        </message>
    </context>
</TS>
