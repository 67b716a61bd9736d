import Foundation
import ICU
let url = URL(fileURLWithPath: CommandLine.arguments[1])
let text = try String(contentsOf: url, encoding: .utf8)
var big = ""
while big.utf8.count < 20_000_000 { big += text + "\n" }
let paragraphs = big.split(separator: "\n").map { Array($0.utf16) }
let it = try BreakIterator(.sentence, locale: "bg")
for _ in 0..<5 {
  let t0 = Date()
  var n = 0
  for p in paragraphs { n += try p.withUnsafeBufferPointer { try it.boundaries(in: $0).count } }
  let dt = Date().timeIntervalSince(t0)
  print(n, Double(big.utf8.count) / dt / 1e6, "MB/s")
}
