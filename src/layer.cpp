// Every layer library also holds this empty unit, so a layer with no sources yet still links.
