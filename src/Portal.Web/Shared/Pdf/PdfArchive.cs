using System.Globalization;
using System.Text;
using System.Xml;
using PdfSharp.Pdf;
using PdfSharp.Pdf.Advanced;

namespace Portal.Web.Shared.Pdf;

/// <summary>
/// A file embedded in a PDF/A-3 document as an associated file (ISO 19005-3 §6.8): its MIME type, its relationship to
/// the document (AFRelationship) and, when it brings XMP properties of its own, their schema.
/// </summary>
public sealed record PdfAssociatedFile(string FileName, byte[] Content, string MimeType, string Relationship, string Description,
    PdfXmpSchema? Schema = null);

/// <summary>
/// XMP properties outside the standard schemas, with the PDF/A extension schema description ISO 19005 §6.6.2.3 asks for
/// any such property (its name, value type Text, category external and a description).
/// </summary>
public sealed record PdfXmpSchema(string Name, string NamespaceUri, string Prefix, IReadOnlyList<PdfXmpProperty> Properties);

public sealed record PdfXmpProperty(string Name, string Value, string Description);

/// <summary>
/// What makes a portal PDF a PDF/A-3b document on top of what PDFsharp 6.2 writes: the sRGB output intent, embedded
/// associated files named in the catalog's /AF, and XMP metadata that declares PDF/A-3b. PDFsharp 6.2 has only a
/// PDF/A-1 "hack" (SetPdfA: it drops the logo's alpha mask and declares part 1) and always writes its own XMP last at
/// save, so the XMP object is replaced in the saved bytes instead, at the same object number and offset.
/// </summary>
internal static class PdfArchive
{
    private const string RdfNs = "http://www.w3.org/1999/02/22-rdf-syntax-ns#";

    /// <summary>ISO 19005-3 §6.2.3: an output intent with an ICC profile (PDFsharp's own sRGB IEC 61966-2.1 profile).</summary>
    public static void AddOutputIntent(PdfDocument document)
    {
        using var icc = typeof(PdfDocument).Assembly.GetManifestResourceStream("PdfSharp.Resources.sRGB2014.icc")
            ?? throw new InvalidOperationException("PDFsharp no longer embeds its sRGB profile (PdfSharp.Resources.sRGB2014.icc).");
        using var bytes = new MemoryStream();
        icc.CopyTo(bytes);
        var profile = new PdfDictionary(document);
        profile.Elements.SetInteger("/N", 3);
        profile.CreateStream(bytes.ToArray());
        document.Internals.AddObject(profile);

        var intent = new PdfDictionary(document);
        intent.Elements.SetName("/Type", "/OutputIntent");
        intent.Elements.SetName("/S", "/GTS_PDFA1");
        intent.Elements.SetString("/OutputConditionIdentifier", "sRGB IEC61966-2.1");
        intent.Elements.SetString("/RegistryName", "http://www.color.org");
        intent.Elements.SetString("/Info", "sRGB IEC61966-2.1");
        intent.Elements.SetReference("/DestOutputProfile", profile);
        document.Internals.Catalog.Elements["/OutputIntents"] = new PdfArray(document, intent);
    }

    /// <summary>Embeds the files (named in /Names /EmbeddedFiles) and lists them in the catalog's /AF array.</summary>
    public static void Embed(PdfDocument document, IReadOnlyList<PdfAssociatedFile> files)
    {
        if (files.Count == 0) return;
        var names = new PdfArray(document);
        var associated = new PdfArray(document);
        foreach (var file in files.OrderBy(f => f.FileName, StringComparer.Ordinal)) // a name tree is sorted
        {
            var stream = new PdfEmbeddedFileStream(document, new MemoryStream(file.Content, writable: false));
            stream.Elements.SetName("/Subtype", "/" + file.MimeType); // written as /text#2Fxml
            var spec = new PdfFileSpecification(document, stream, file.FileName);
            spec.Elements.SetName("/AFRelationship", "/" + file.Relationship);
            spec.Elements.SetString("/Desc", file.Description);
            document.Internals.AddObject(spec);
            names.Elements.Add(new PdfString(file.FileName));
            names.Elements.Add(spec.Reference!);
            associated.Elements.Add(spec.Reference!);
        }
        var tree = new PdfDictionary(document);
        tree.Elements["/Names"] = names;
        document.Internals.AddObject(tree);
        document.Internals.Catalog.Names.Elements.SetReference("/EmbeddedFiles", tree);
        document.Internals.Catalog.Elements["/AF"] = associated;
    }

    /// <summary>
    /// Replaces the XMP PDFsharp wrote with one that declares PDF/A-3b, repeats the document information dictionary
    /// (ISO 19005-3 §6.6.2.3.1: Title, Author, Creator, Producer and dates must match) and adds the files' schemas.
    /// </summary>
    public static byte[] WithXmp(byte[] pdf, PdfDocument document, IReadOnlyList<PdfAssociatedFile> files)
    {
        var metadata = document.Internals.Catalog.Elements.GetReference("/Metadata")
            ?? throw new InvalidOperationException("PDFsharp wrote no XMP metadata to replace.");
        var xmp = Xmp(document, files.Select(f => f.Schema).OfType<PdfXmpSchema>().ToList());
        var head = Encoding.ASCII.GetBytes(FormattableString.Invariant(
            $"{metadata.ObjectNumber} 0 obj\n<</Type/Metadata/Subtype/XML/Length {xmp.Length}>>\nstream\n"));
        return ReplaceLastObject(pdf, metadata.ObjectNumber, [.. head, .. xmp, .. "\nendstream\nendobj\n"u8]);
    }

    private static byte[] Xmp(PdfDocument document, IReadOnlyList<PdfXmpSchema> schemas)
    {
        var info = document.Info;
        var created = XmpDate(info.Elements["/CreationDate"]?.ToString() ?? throw new InvalidOperationException("PDFsharp wrote no creation date."));
        using var output = new MemoryStream();
        var settings = new XmlWriterSettings { Encoding = new UTF8Encoding(false), OmitXmlDeclaration = true, Indent = true };
        using (var xml = XmlWriter.Create(output, settings))
        {
            xml.WriteProcessingInstruction("xpacket", "begin=\"\uFEFF\" id=\"W5M0MpCehiHzreSzNTczkc9d\"");
            xml.WriteStartElement("x", "xmpmeta", "adobe:ns:meta/");
            xml.WriteStartElement("rdf", "RDF", RdfNs);

            Description(xml, "pdfaid", "http://www.aiim.org/pdfa/ns/id/", () =>
            {
                xml.WriteElementString("pdfaid", "part", "http://www.aiim.org/pdfa/ns/id/", "3");
                xml.WriteElementString("pdfaid", "conformance", "http://www.aiim.org/pdfa/ns/id/", "B");
            });
            Description(xml, "dc", "http://purl.org/dc/elements/1.1/", () =>
            {
                const string dc = "http://purl.org/dc/elements/1.1/";
                xml.WriteElementString("dc", "format", dc, "application/pdf");
                xml.WriteStartElement("dc", "title", dc);
                xml.WriteStartElement("rdf", "Alt", RdfNs);
                xml.WriteStartElement("rdf", "li", RdfNs);
                xml.WriteAttributeString("xml", "lang", null, "x-default");
                xml.WriteString(info.Title);
                xml.WriteEndElement();
                xml.WriteEndElement();
                xml.WriteEndElement();
                xml.WriteStartElement("dc", "creator", dc);
                xml.WriteStartElement("rdf", "Seq", RdfNs);
                xml.WriteElementString("rdf", "li", RdfNs, info.Author);
                xml.WriteEndElement();
                xml.WriteEndElement();
            });
            Description(xml, "pdf", "http://ns.adobe.com/pdf/1.3/", () =>
                xml.WriteElementString("pdf", "Producer", "http://ns.adobe.com/pdf/1.3/", info.Producer));
            Description(xml, "xmp", "http://ns.adobe.com/xap/1.0/", () =>
            {
                const string ns = "http://ns.adobe.com/xap/1.0/";
                xml.WriteElementString("xmp", "CreatorTool", ns, info.Creator);
                xml.WriteElementString("xmp", "CreateDate", ns, created);
                xml.WriteElementString("xmp", "ModifyDate", ns, created);
                xml.WriteElementString("xmp", "MetadataDate", ns, created);
            });
            if (schemas.Count > 0) Extensions(xml, schemas);
            foreach (var schema in schemas)
                Description(xml, schema.Prefix, schema.NamespaceUri, () =>
                {
                    foreach (var property in schema.Properties) xml.WriteElementString(schema.Prefix, property.Name, schema.NamespaceUri, property.Value);
                });

            xml.WriteEndElement();
            xml.WriteEndElement();
            xml.WriteProcessingInstruction("xpacket", "end=\"w\"");
        }
        return output.ToArray();
    }

    /// <summary>ISO 19005 §6.6.2.3.2: the pdfaExtension description of each custom schema and its properties.</summary>
    private static void Extensions(XmlWriter xml, IReadOnlyList<PdfXmpSchema> schemas)
    {
        const string extension = "http://www.aiim.org/pdfa/ns/extension/", schema = "http://www.aiim.org/pdfa/ns/schema#",
            property = "http://www.aiim.org/pdfa/ns/property#";
        xml.WriteStartElement("rdf", "Description", RdfNs);
        xml.WriteAttributeString("rdf", "about", RdfNs, "");
        xml.WriteAttributeString("xmlns", "pdfaExtension", null, extension);
        xml.WriteAttributeString("xmlns", "pdfaSchema", null, schema);
        xml.WriteAttributeString("xmlns", "pdfaProperty", null, property);
        xml.WriteStartElement("pdfaExtension", "schemas", extension);
        xml.WriteStartElement("rdf", "Bag", RdfNs);
        foreach (var s in schemas)
        {
            xml.WriteStartElement("rdf", "li", RdfNs);
            xml.WriteAttributeString("rdf", "parseType", RdfNs, "Resource");
            xml.WriteElementString("pdfaSchema", "schema", schema, s.Name);
            xml.WriteElementString("pdfaSchema", "namespaceURI", schema, s.NamespaceUri);
            xml.WriteElementString("pdfaSchema", "prefix", schema, s.Prefix);
            xml.WriteStartElement("pdfaSchema", "property", schema);
            xml.WriteStartElement("rdf", "Seq", RdfNs);
            foreach (var p in s.Properties)
            {
                xml.WriteStartElement("rdf", "li", RdfNs);
                xml.WriteAttributeString("rdf", "parseType", RdfNs, "Resource");
                xml.WriteElementString("pdfaProperty", "name", property, p.Name);
                xml.WriteElementString("pdfaProperty", "valueType", property, "Text");
                xml.WriteElementString("pdfaProperty", "category", property, "external");
                xml.WriteElementString("pdfaProperty", "description", property, p.Description);
                xml.WriteEndElement();
            }
            xml.WriteEndElement();
            xml.WriteEndElement();
            xml.WriteEndElement();
        }
        xml.WriteEndElement();
        xml.WriteEndElement();
        xml.WriteEndElement();
    }

    private static void Description(XmlWriter xml, string prefix, string ns, Action properties)
    {
        xml.WriteStartElement("rdf", "Description", RdfNs);
        xml.WriteAttributeString("rdf", "about", RdfNs, "");
        xml.WriteAttributeString("xmlns", prefix, null, ns);
        properties();
        xml.WriteEndElement();
    }

    /// <summary>"D:20261204200114+01'00'" (the Info dictionary's form) as XMP writes the same instant: "2026-12-04T20:01:14+01:00".</summary>
    internal static string XmpDate(string pdfDate)
    {
        var d = pdfDate.StartsWith("D:", StringComparison.Ordinal) ? pdfDate[2..] : pdfDate;
        if (d.Length < 14) throw new InvalidOperationException($"Unexpected PDF date '{pdfDate}'.");
        var zone = d.Length > 14 ? d[14..] : "Z";
        zone = zone is "Z" or "" ? "Z" : $"{zone[0]}{zone.Substring(1, 2)}:{(zone.Length >= 6 ? zone.Substring(4, 2) : "00")}";
        return string.Create(CultureInfo.InvariantCulture, $"{d[..4]}-{d[4..6]}-{d[6..8]}T{d[8..10]}:{d[10..12]}:{d[12..14]}{zone}");
    }

    /// <summary>
    /// Replaces object <paramref name="objectNumber"/>, which must be the last one written before the cross-reference
    /// table (PDFsharp writes objects by number and creates the XMP last): every other object keeps its offset, so the
    /// table is copied as it is and only startxref moves.
    /// </summary>
    private static byte[] ReplaceLastObject(byte[] pdf, int objectNumber, byte[] replacement)
    {
        // Only the tail (startxref) and the cross-reference table are read as text: a PDF is mostly binary streams.
        var tailStart = Math.Max(0, pdf.Length - 1024);
        var tail = Encoding.Latin1.GetString(pdf, tailStart, pdf.Length - tailStart);
        var startxref = tailStart + tail.LastIndexOf("startxref", StringComparison.Ordinal);
        var xrefAt = int.Parse(Encoding.Latin1.GetString(pdf, startxref + 9, pdf.Length - startxref - 9).Trim().Split('\n', '\r')[0],
            CultureInfo.InvariantCulture);
        var entries = Encoding.Latin1.GetString(pdf, xrefAt, startxref - xrefAt).Split('\n').Select(l => l.Trim()).ToList();
        if (entries[0] != "xref" || entries[1].Split(' ') is not ["0", var countText])
            throw new InvalidOperationException("PDFsharp no longer writes one classic cross-reference section; the XMP cannot be replaced.");
        var count = int.Parse(countText, CultureInfo.InvariantCulture);
        var offsets = entries.Skip(2).Take(count).Select(e => e.Split(' '))
            .Select(p => (Offset: int.Parse(p[0], CultureInfo.InvariantCulture), InUse: p[2] == "n")).ToList();
        var at = offsets[objectNumber].Offset;
        var header = Encoding.ASCII.GetBytes(FormattableString.Invariant($"{objectNumber} 0 obj"));
        if (!offsets[objectNumber].InUse || offsets.Where(o => o.InUse).Max(o => o.Offset) != at || !pdf.AsSpan(at).StartsWith(header))
            throw new InvalidOperationException("PDFsharp no longer writes the XMP metadata last; it cannot be replaced in place.");
        var end = Encoding.ASCII.GetBytes(FormattableString.Invariant($"startxref\n{at + replacement.Length}\n%%EOF\n"));
        var result = new byte[at + replacement.Length + (startxref - xrefAt) + end.Length];
        pdf.AsSpan(0, at).CopyTo(result);
        replacement.CopyTo(result, at);
        pdf.AsSpan(xrefAt, startxref - xrefAt).CopyTo(result.AsSpan(at + replacement.Length));
        end.CopyTo(result, at + replacement.Length + (startxref - xrefAt));
        return result;
    }
}
