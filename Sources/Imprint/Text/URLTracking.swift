/// Tracking parameters: query parameters that identify a campaign or a recipient rather than a
/// resource, removed for `NormalizedURL.withoutTracking` so that one campaign's URLs share a
/// fingerprint. Names compare case-insensitively; `utm_` is a prefix.
enum URLTracking {
    static let names: Set<String> = [
        "fbclid", "gclid", "gclsrc", "dclid", "gbraid", "wbraid", "msclkid", "yclid", "twclid", "ttclid", "li_fat_id",
        "mc_cid", "mc_eid", "_hsenc", "_hsmi", "__hssc", "__hstc", "__hsfp", "hsctatracking", "mkt_tok",
        "oly_anon_id", "oly_enc_id", "vero_id", "vero_conv", "igshid", "si", "ref_src", "ref_url", "_ga", "_gl",
        "s_cid", "cmpid", "ncid", "sr_share", "spm", "scid", "trk", "trkcampaign", "trkinfo", "ss_source",
        "ss_campaign_id", "rb_clickid", "wickedid", "zanpid", "ml_subscriber", "ml_subscriber_hash", "ck_subscriber_id",
        "_bta_tid", "_bta_c", "epik", "pk_campaign", "pk_kwd", "pk_source", "pk_medium", "mtm_campaign", "mtm_source",
        "mtm_medium", "mtm_content", "mtm_keyword", "cid", "eid", "_openstat", "fb_action_ids", "fb_source", "action_object_map",
    ]

    /// The query without tracking parameters, or nil when nothing is left.
    static func strip(_ query: String) -> String? {
        let kept = query.split(separator: "&").filter { parameter in
            let name = (parameter.split(separator: "=", maxSplits: 1).first ?? "").lowercased()
            return !(name.hasPrefix("utm_") || names.contains(name))
        }
        return kept.isEmpty ? nil : kept.joined(separator: "&")
    }
}
