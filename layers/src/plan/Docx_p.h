#pragma once
// WordprocessingML (.docx) → plain text, as a reader of the document sees it.

#include <string>

namespace pa::plan {

/// The text of a .docx's word/document.xml: one paragraph per <w:p> (runs joined, entities
/// decoded), Word's automatic numbering written out as shown ("1.", "a)", "-") from
/// word/numbering.xml and word/styles.xml (either may be empty), tables as Markdown pipe rows.
/// Linear in the size of its inputs; never throws on malformed XML (reads what it can).
std::string docxText(const std::string& documentXml, const std::string& numberingXml,
                     const std::string& stylesXml);

} // namespace pa::plan
