import Foundation
import ICU
import Segmentation

/// Segmentation throughput (MB/s of UTF-8 input) against the bare ICU sentence iterator on the same text.
enum SegmentationBench {
    static func run() throws {
        let paragraphs = Harness.bulgarianText(atLeast: 20_000_000)
        let bytes = paragraphs.reduce(0) { $0 + $1.utf8.count + 1 }
        print("## segmentation: \(paragraphs.count) paragraphs, \(Harness.format(Double(bytes) / 1e6)) MB of Bulgarian news (Corpora/ repeated), median of 5 runs")

        // Baseline: ICU's sentence iterator alone, including the UTF-8 → UTF-16 copy it needs.
        let iterator = try BreakIterator(.sentence, locale: "bg")
        var units = [UInt16](repeating: 0, count: 1 << 16)
        var icuBoundaries = 0
        let icuTime = try Harness.median {
            icuBoundaries = 0
            for var paragraph in paragraphs {
                let count = paragraph.utf8.count
                if units.count < count { units = [UInt16](repeating: 0, count: count) }
                let length = paragraph.withUTF8 { bytes in
                    units.withUnsafeMutableBufferPointer { UTF16Transcoding.transcode(bytes, into: $0) }
                }
                icuBoundaries += try units.withUnsafeBufferPointer { buffer in
                    try iterator.boundaries(in: UnsafeBufferPointer(rebasing: buffer[0..<length])).count
                }
            }
        }

        let segmenter = try Segmenter.bulgarian()
        var segments = 0
        let ourTime = Harness.median {
            segments = 0
            for paragraph in paragraphs { segments += segmenter.ranges(of: paragraph).count }
        }
        let icuRate = Double(bytes) / icuTime / 1e6
        let ourRate = Double(bytes) / ourTime / 1e6
        print("  bare ICU sentence iterator: \(Harness.format(icuRate)) MB/s (\(icuBoundaries) boundaries)")
        print("  prevod Bulgarian segmenter: \(Harness.format(ourRate)) MB/s (\(segments) segments)")
        print("  ratio prevod/ICU: \(Harness.format(ourRate / icuRate * 100))% (target ≥ 25%), absolute target ≥ 100 MB/s")
    }
}
