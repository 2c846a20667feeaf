extension MessageFingerprinter {
    /// PDQ and the 64-bit image hashes of one image attachment, as deep as the options say;
    /// an image that cannot be decoded is skipped with its reason (and flags a rescan).
    func addImage(_ attachment: MessageFeatures.Attachment, scratch: FingerprintScratch, to out: inout MessageFingerprints) {
        let name = attachment.filename ?? attachment.mediaType
        guard options.imageDepth != .off else {
            out.skipped.append(.init(family: "image", reason: "\(name): image processing depth is off"))
            return
        }
        let image: DecodedImage
        do {
            image = try ImageDecoder.decode(attachment.bytes, limits: options.imageLimits, options: .pdq)
        } catch {
            out.skipped.append(.init(family: "image", reason: "\(name): \(error.code): \(error.reason)"))
            out.imageFailed = true
            return
        }
        guard image.width >= PDQ.minimumSide, image.height >= PDQ.minimumSide else {
            out.skipped.append(.init(family: "image", reason: "\(name): \(image.width)x\(image.height) is too small"))
            return
        }
        // The gray samples once for the 64-bit hashes, in the scratch with their working memory.
        ImageHashes.withGray(image, buffer: &scratch.imageGray) { gray in
            out.fingerprints.append(Fingerprint(kind: .dhash, word: ImageHashes.differenceHash(gray, image, buffers: &scratch.imageHashes)))
            guard options.imageDepth != .low else { return }
            let pdq = PDQ.hash(image)
            if pdq.quality >= 50 {
                out.fingerprints.append(Fingerprint(kind: .pdq, value: Self.littleEndianBytes(pdq.words)))
            } else {
                out.skipped.append(.init(family: "pdq", reason: "\(name): quality \(pdq.quality) is under 50"))
            }
            guard options.imageDepth == .high else { return }
            out.fingerprints.append(Fingerprint(kind: .phash, word: ImageHashes.perceptualHash(gray, image, buffers: &scratch.imageHashes)))
            out.fingerprints.append(Fingerprint(kind: .ahash, word: ImageHashes.averageHash(gray, image, buffers: &scratch.imageHashes)))
        }
    }
}
