/// Namespace URIs of the formats prevod reads and writes.
public enum Namespaces {
    public static let xliff2 = "urn:oasis:names:tc:xliff:document:2.0"
    public static let xliff12 = "urn:oasis:names:tc:xliff:document:1.2"
    public static let glossary = "urn:oasis:names:tc:xliff:glossary:2.0"
    public static let metadata = "urn:oasis:names:tc:xliff:metadata:2.0"
    public static let xml = "http://www.w3.org/XML/1998/namespace"
}
