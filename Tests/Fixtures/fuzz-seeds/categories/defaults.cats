# defaults
0	legitimate	Legitimate mail
1	spam	Unsolicited bulk mail
2	bulk	Solicited bulk mail and newsletters
3	phishing	Credential or payment fraud
7	virus	Malware or a virus test file
65535	max	The highest id
65535.65535	last	The	highest id
