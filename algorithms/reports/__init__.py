"""Report and map builders of the algorithms: the delineation report, the change report, the profile
layout, the web atlas, indicator tables for people."""
