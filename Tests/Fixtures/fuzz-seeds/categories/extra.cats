1.2	snowshoe	Snowshoe spam
8	scam	Advance-fee fraud
8.1	419	Nigerian prince
