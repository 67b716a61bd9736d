import Foundation

/// Gale–Church style length evidence, calibrated for Bulgarian–English characters.
///
/// Gale and Church model the English length of a translation as proportional to the source length with a variance
/// that grows with it. On news, the log of the character ratio behaves better: its spread shrinks with length
/// (short headlines vary most) and it has heavier tails than a normal curve. So the model is a Student t density of
/// `log((en + k) / (bg + k))` around ``AlignmentParameters/lengthMean`` with variance
/// `floor + perChar / mean length`, compared against the spread of the ratio between unrelated segments. The result
/// is a log-likelihood ratio: positive when the lengths look like a translation pair.
struct LengthModel: Sendable {
    let mean: Double
    let varianceFloor: Double
    let variancePerChar: Double
    let smoothing: Double
    let degreesOfFreedom: Double
    let randomVariance: Double
    let cap: Double
    /// log Γ((ν+1)/2) − log Γ(ν/2) − ½ log(νπ): the constant of the t density.
    private let tConstant: Double
    private let randomConstant: Double

    init(_ parameters: AlignmentParameters) {
        mean = parameters.lengthMean
        varianceFloor = parameters.lengthVarianceFloor
        variancePerChar = parameters.lengthVariancePerChar
        smoothing = parameters.lengthSmoothing
        degreesOfFreedom = max(1, parameters.lengthDegreesOfFreedom)
        randomVariance = parameters.randomLengthDeviation * parameters.randomLengthDeviation
        cap = parameters.lengthEvidenceCap
        let nu = degreesOfFreedom
        tConstant = lgamma((nu + 1) / 2) - lgamma(nu / 2) - 0.5 * log(nu * Double.pi)
        randomConstant = -0.5 * log(2 * Double.pi * randomVariance)
    }

    /// The log-likelihood ratio (nats) that segments of `bulgarian` and `english` characters translate each other.
    ///
    /// - Complexity: O(1).
    @inline(__always)
    func evidence(bulgarian: Int, english: Int) -> Double {
        let b = Double(bulgarian) + smoothing
        let e = Double(english) + smoothing
        let delta = log(e / b)
        let variance = varianceFloor + variancePerChar / (0.5 * (b + e))
        let z = (delta - mean) / variance.squareRoot()
        let translation = tConstant - 0.5 * log(variance) - 0.5 * (degreesOfFreedom + 1) * log1p(z * z / degreesOfFreedom)
        let unrelated = randomConstant - 0.5 * (delta - mean) * (delta - mean) / randomVariance
        return min(cap, translation - unrelated)
    }
}
