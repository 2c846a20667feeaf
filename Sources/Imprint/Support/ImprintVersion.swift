/// The version of the Imprint engine, printed by `imprint version` as `ImprintVersion = "…"`.
public enum ImprintVersion {
    /// Semantic version of the library and tool.
    public static let string = "0.1.0"
}
